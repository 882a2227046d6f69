// Scopes of personal API tokens. Runtime-neutral.
//
// A token from sign-in (cookie or the token endpoint) has no `scope` claim: it is the user
// themself and may do everything the user may. A personal API token carries the scopes its owner
// chose, and may do only that: never open pages, change the password or mint other tokens.
import type { TokenClaims } from './jwt';

export const API_SCOPES = ['profile:read', 'cart:read', 'cart:write', 'orders:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  'profile:read': 'Read your name and email',
  'cart:read': 'See your cart',
  'cart:write': 'Add to, change and check out your cart',
  'orders:read': 'See your orders',
};

/** Whether the token is a scoped API token (as opposed to a sign-in). */
export function isApiToken(claims: Pick<TokenClaims, 'scope'>): boolean {
  return claims.scope !== undefined;
}

export function hasScope(claims: Pick<TokenClaims, 'scope'>, needed: ApiScope): boolean {
  if (!isApiToken(claims)) return true;
  return claims.scope!.split(' ').includes(needed);
}

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
