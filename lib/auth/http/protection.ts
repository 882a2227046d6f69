// What is protected, declared once. RUNTIME-NEUTRAL (the Edge middleware reads it).
//
// Readers: middleware.ts (which pages redirect to sign-in, which API routes answer 401 before any
// handler runs), the DAL (requirePageSession refuses a page missing here), lib/openapi.ts (each
// operation's security and scope) and the tests (lib/auth/http/protection.test.ts: every page
// that calls the page guard is listed and every entry has one; every route handler is listed
// with the guard it declares; config.matcher in middleware.ts covers every entry).
import type { ApiScope } from '../tokens/scopes';

/**
 * Pages that show or change a user's data; their sub-paths are protected too. (/cart is public:
 * guests have carts; a sign-in that has ended is told so there, never shown the guest cart.)
 */
export const PROTECTED_PAGES = ['/account', '/account/reauth', '/account/two-step', '/checkout', '/orders'] as const;

/**
 * none: public; required: a good credential (else 401, from the middleware too); optional: guests
 * and users alike (the cart): a request that presents a credential must present a good one.
 */
export type AuthRequirement = 'none' | 'optional' | 'required';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRule {
  auth: AuthRequirement;
  /** The scope a personal API token needs here; without one, API tokens are refused. */
  scope?: ApiScope;
  /** A sensitive change (step-up): the sign-in must be recent, else 403 reauth_required. */
  fresh?: true;
}

/**
 * Every JSON route (OpenAPI path spelling: {param}) and what each method needs. The route
 * handler's guard declares the same (the test compares them, step-up included, and that OpenAPI
 * documents reauth_required where `fresh` is set); `auth: 'required'` here also makes the
 * middleware answer 401 for a request with no good token.
 */
export const API_ROUTES = {
  '/api/auth/signup': { POST: { auth: 'none' } },
  '/api/auth/login': { POST: { auth: 'none' } },
  '/api/auth/logout': { POST: { auth: 'none' } },
  '/api/auth/logout-all': { POST: { auth: 'required' } },
  '/api/auth/refresh': { POST: { auth: 'none' }, GET: { auth: 'none' } },
  '/api/auth/token': { POST: { auth: 'none' } },
  '/api/auth/password/forgot': { POST: { auth: 'none' } },
  '/api/auth/password/reset': { POST: { auth: 'none' } },
  '/api/auth/email/confirm': { POST: { auth: 'none' } },
  // The account API: sign-in tokens only (no scope, so a personal API token gets 403).
  '/api/account/sessions': { GET: { auth: 'required' } },
  '/api/account/sessions/{id}': { DELETE: { auth: 'required' } },
  '/api/account/tokens': { GET: { auth: 'required' }, POST: { auth: 'required', fresh: true } },
  '/api/account/tokens/{id}': { DELETE: { auth: 'required' } },
  '/api/account/password': { POST: { auth: 'required', fresh: true } },
  '/api/account/email': { POST: { auth: 'required', fresh: true } },
  '/api/account/email/verification': { POST: { auth: 'required' } },
  '/api/account/activity': { GET: { auth: 'required' } },
  '/api/auth/oidc/start': { GET: { auth: 'none' } },
  '/api/auth/oidc/callback': { GET: { auth: 'none' } },
  '/api/account/providers': { GET: { auth: 'required' } },
  '/api/account/providers/{provider}': { DELETE: { auth: 'required', fresh: true } },
  '/api/auth/login/mfa': { POST: { auth: 'none' } },
  '/api/auth/passkey/options': { POST: { auth: 'none' } },
  '/api/auth/passkey/verify': { POST: { auth: 'none' } },
  '/api/auth/reauth': { POST: { auth: 'required' } },
  '/api/auth/reauth/options': { POST: { auth: 'required' } },
  '/api/account': { DELETE: { auth: 'required', fresh: true } },
  '/api/account/passkeys': { GET: { auth: 'required' }, POST: { auth: 'required', fresh: true } },
  '/api/account/passkeys/options': { POST: { auth: 'required', fresh: true } },
  '/api/account/passkeys/{id}': { PATCH: { auth: 'required' }, DELETE: { auth: 'required', fresh: true } },
  '/api/account/totp': { POST: { auth: 'required', fresh: true }, DELETE: { auth: 'required', fresh: true } },
  '/api/account/totp/confirm': { POST: { auth: 'required', fresh: true } },
  '/api/account/recovery-codes': { POST: { auth: 'required', fresh: true } },
  '/api/me': { GET: { auth: 'required', scope: 'profile:read' } },
  '/api/products': { GET: { auth: 'none' } },
  '/api/products/{slug}': { GET: { auth: 'none' } },
  '/api/categories': { GET: { auth: 'none' } },
  '/api/cart': { GET: { auth: 'optional', scope: 'cart:read' } },
  '/api/cart/items': { POST: { auth: 'optional', scope: 'cart:write' } },
  '/api/cart/items/{productId}': { PATCH: { auth: 'optional', scope: 'cart:write' }, DELETE: { auth: 'optional', scope: 'cart:write' } },
  '/api/checkout': { POST: { auth: 'required', scope: 'cart:write' } },
  '/api/orders': { GET: { auth: 'required', scope: 'orders:read' } },
  '/api/orders/{id}': { GET: { auth: 'required', scope: 'orders:read' } },
  '/api/learn/verify': { POST: { auth: 'required' } },
  '/api/health': { GET: { auth: 'none' } },
  '/api/cron/purge': { GET: { auth: 'none' } },
  '/api/cron/outbox': { GET: { auth: 'none' } },
  '/api/openapi.json': { GET: { auth: 'none' } },
  '/.well-known/jwks.json': { GET: { auth: 'none' } },
} as const satisfies Record<string, Partial<Record<HttpMethod, ApiRule>>>;

export type ApiPath = keyof typeof API_ROUTES;

/** The rule for one route and method, or undefined when the table does not describe it. */
export function apiRule(path: string, method: string): ApiRule | undefined {
  return (API_ROUTES as Record<string, Partial<Record<string, ApiRule>>>)[path]?.[method];
}

/**
 * Path prefixes of the API routes that need a signed-in user: the static part of each such path
 * (before its first {param}). The middleware matches a request path against them.
 */
export const PROTECTED_API: readonly string[] = [
  ...new Set(
    Object.entries(API_ROUTES)
      .filter(([, methods]) => Object.values(methods as Record<string, ApiRule>).some((rule) => rule.auth === 'required'))
      .map(([path]) => path.split('/{')[0]!),
  ),
];
