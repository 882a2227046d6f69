import { NextResponse } from 'next/server';
import { clearSessionCookies, handler, isFormPost, seeOther, sessionCookies } from '@/lib/auth/guards';
import { readCredential } from '@/lib/auth/http';
import { signOut, signOutWithBearer } from '@/lib/auth/sign-ins';
import { AppError } from '@/lib/errors';

/** A Bearer value that is neither a good access token nor a good refresh token: nothing was signed out. */
const invalidBearer = () =>
  new AppError(401, 'invalid_token', 'This token is not valid (malformed, expired, or a refresh token already revoked), so nothing was signed out.', undefined, {
    'WWW-Authenticate': 'Bearer error="invalid_token"',
  });

/**
 * Revokes the access token and its whole sign-in family, and clears both cookies. 204 for JSON;
 * a form post (the header's "Sign out" button) gets 303 to `/`, so sign-out ends in a full page
 * load and no private data stays in the page's memory. No session is required: a lapsed access
 * token still names its family through the refresh cookie, and a browser's sign-out always clears
 * its cookies. A program (`Authorization: Bearer`, no cookies) may send its access token, a
 * personal API token (revoked) or its refresh token (the family is revoked); a value that is none
 * of these is 401 `invalid_token`, so the program knows its refresh token was not ended.
 */
export const POST = handler({ auth: 'none' }, async (request, { facts }) => {
  const credential = readCredential(request.headers, facts.secure);
  // An Authorization header authenticates alone: one that is no Bearer value signs nothing out,
  // least of all the cookies' sign-in (which a program never meant).
  if (credential.via !== 'bearer' && request.headers.has('authorization')) throw invalidBearer();
  if (credential.via === 'bearer') {
    if (!(await signOutWithBearer(credential.token, facts.meta))) throw invalidBearer();
    return new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  }
  await signOut(sessionCookies(request, facts.secure), facts.meta);
  const response = isFormPost(request) ? seeOther(request, '/') : new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return clearSessionCookies(response, facts.secure);
});
