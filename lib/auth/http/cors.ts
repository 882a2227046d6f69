// CORS for the JSON API, so a front end on another origin can call it with a Bearer token.
// Runtime-neutral (the middleware applies it).
//
// Only origins listed in CORS_ORIGINS get an Access-Control-Allow-Origin answer, and never with
// Access-Control-Allow-Credentials: a cross-origin caller must present a Bearer token, which
// carries no ambient authority. Cookie-authenticated writes from another origin are refused
// separately by the Origin check (lib/auth/http/csrf.ts), whatever CORS says.

export const CORS_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';
export const CORS_ALLOWED_HEADERS = 'Authorization, Content-Type';
export const CORS_EXPOSED_HEADERS = 'WWW-Authenticate, Retry-After';

export function isAllowedOrigin(origin: string | null, allowed: readonly string[]): origin is string {
  if (!origin || origin === 'null') return false;
  return allowed.includes(origin);
}

/** Headers for an actual (non-preflight) response to `origin`, or none. */
export function corsHeaders(origin: string | null, allowed: readonly string[]): Record<string, string> {
  if (!isAllowedOrigin(origin, allowed)) return { Vary: 'Origin' };
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS, Vary: 'Origin' };
}

/** The answer to a preflight (OPTIONS with Access-Control-Request-Method). */
export function preflightResponse(origin: string | null, allowed: readonly string[]): Response {
  if (!isAllowedOrigin(origin, allowed)) {
    return new Response(null, { status: 403, headers: { Vary: 'Origin' } });
  }
  return new Response(null, {
    status: 204,
    headers: {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': CORS_METHODS,
      'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS,
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    },
  });
}
