// Scopes of personal API tokens. Runtime-neutral.
//
// A token from sign-in (cookie or the token endpoint) is the user themself: without a `scope` it
// may do everything the user may; narrowed at the token endpoint, only what its scope names, but it
// is still a sign-in. A personal API token carries the scopes its owner chose, and may do only
// that: never open pages, change the password or mint other tokens. The two are told apart by
// their family (jwt.ts isApiTokenClaims: a sign-in token always carries auth_time).
import { isApiTokenClaims, type TokenClaims } from './jwt';

export const API_SCOPES = ['profile:read', 'cart:read', 'cart:write', 'orders:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  'profile:read': 'Read your name and email',
  'cart:read': 'See your cart',
  'cart:write': 'Add to, change and check out your cart',
  'orders:read': 'See your orders',
};

/** Whether the token is a personal API token (as opposed to a sign-in, narrowed or not). */
export function isApiToken(claims: Pick<TokenClaims, 'scope' | 'auth_time'>): boolean {
  return isApiTokenClaims(claims);
}

/** Whether the token may do `needed`: any sign-in without a scope may; otherwise its scope says. */
export function hasScope(claims: Pick<TokenClaims, 'scope'>, needed: ApiScope): boolean {
  if (claims.scope === undefined) return true;
  return claims.scope.split(' ').includes(needed);
}

/** Normalises a requested scope: known scopes only, deduplicated and sorted; null when empty. */
export function normaliseScope(requested: string): string | null {
  const scopes = [...new Set(requested.split(' '))].filter(isApiScope).sort();
  return scopes.length ? scopes.join(' ') : null;
}

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
