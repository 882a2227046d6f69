import { NextResponse } from 'next/server';
import { readCredential } from '@/lib/auth/cookies';
import { assertSameOrigin } from '@/lib/auth/csrf';
import { clearSessionCookies, isFormPost, requestFacts, seeOther, sessionCookies } from '@/lib/auth/respond';
import { signOut } from '@/lib/auth/tokens';
import { env } from '@/lib/env';
import { route } from '@/lib/http';

/**
 * Revokes the access token and its whole sign-in family, and clears both cookies. 204 for JSON;
 * a form post (the header's "Sign out" button) gets 303 to `/`, so sign-out ends in a full page
 * load and no private data stays in the page's memory.
 */
export const POST = route(async (request) => {
  const facts = requestFacts(request);
  const credential = readCredential(request.headers, facts.secure);
  if (credential.via === 'bearer') {
    await signOut({ access: credential.token }, facts.meta);
    return new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  }
  assertSameOrigin(request, 'strict', env().APP_URL);
  await signOut(sessionCookies(request, facts.secure), facts.meta);
  const response = isFormPost(request) ? seeOther(request, '/') : new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return clearSessionCookies(response, facts.secure);
});
