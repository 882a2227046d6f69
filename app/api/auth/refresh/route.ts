import { NextResponse } from 'next/server';
import { clearSessionCookies, handler, sessionCookies, setSessionCookies, writeCookies } from '@/lib/auth/guards';
import { hopFailedCookie, isProtectedPage, safeNextPath } from '@/lib/auth/http';
import { rotateRefreshToken, type RefreshOutcome } from '@/lib/auth/sign-ins';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http';
import type { z } from '@/lib/validation/zod';
import type { refreshedSchema } from '@/lib/validation/responses';

const REFRESH_FAILED: Record<string, string> = {
  invalid: 'Your session is not valid. Sign in again.',
  expired: 'Your session has expired. Sign in again.',
  revoked: 'You have been signed out. Sign in again.',
  reuse: 'This session was ended for your safety because an old sign-in token was reused. Sign in again.',
};

/** JSON: rotates the pair and answers 200, or 401 and clears the cookies. */
export const POST = handler({ auth: 'none', origin: 'always' }, async (request, { facts }) => {
  const { refresh } = sessionCookies(request, facts.secure);
  const outcome = refresh ? await rotateRefreshToken(refresh) : ({ ok: false, reason: 'invalid' } as const);
  if (!outcome.ok) {
    const response = errorResponse(
      new AppError(401, 'invalid_refresh_token', REFRESH_FAILED[outcome.reason]!, undefined, { 'WWW-Authenticate': 'Bearer' }),
    );
    return clearSessionCookies(new NextResponse(response.body, response), facts.secure);
  }
  const body = { accessTokenExpiresAt: new Date(outcome.tokens.access.claims.exp * 1000).toISOString() } satisfies z.output<typeof refreshedSchema>;
  return setSessionCookies(NextResponse.json(body, { headers: { 'Cache-Control': 'no-store' } }), outcome.tokens, facts.secure);
});

/**
 * The browser hop the middleware sends an expired page visit through: rotate and go back to
 * `next` (303), or go to sign-in. A GET that rotates is safe here: it can only refresh the
 * caller's own tokens, into cookies a cross-site page can neither read nor choose, and a rotated
 * token presented again inside the grace window gets the same successor back (tokens.ts), so a
 * link that makes the browser rotate gives a thief holding a copy no branch of their own.
 */
export const GET = handler({ auth: 'none', origin: false }, async (request, { facts }) => {
  const url = new URL(request.url);
  const base = env().APP_URL ?? url.origin;
  const next = safeNextPath(url.searchParams.get('next'));
  const { refresh } = sessionCookies(request, facts.secure);
  const outcome = refresh ? await rotateRefreshToken(refresh) : null;
  const headers = { 'Cache-Control': 'no-store' };
  if (outcome?.ok) {
    return setSessionCookies(NextResponse.redirect(new URL(next, base), { status: 303, headers }), outcome.tokens, facts.secure);
  }
  // A public page (the hop renews tokens on any page) just loads signed out; a private one asks
  // the user to sign in and come back.
  const target = isProtectedPage(new URL(next, base).pathname) ? loginUrl(base, next, outcome) : new URL(next, base);
  const response = clearSessionCookies(NextResponse.redirect(target, { status: 303, headers }), facts.secure);
  // If a hint cookie survives the clearing (planted with another Path), the middleware must not
  // send the browser straight back here: at most one hop per navigation.
  writeCookies(response.cookies, [hopFailedCookie(facts.secure)]);
  return response;
});

function loginUrl(base: string, next: string, outcome: RefreshOutcome | null): URL {
  const login = new URL('/login', base);
  login.searchParams.set('next', next);
  if (outcome && !outcome.ok && outcome.reason !== 'invalid') login.searchParams.set('reason', outcome.reason);
  return login;
}
