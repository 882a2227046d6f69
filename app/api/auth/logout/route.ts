import { NextResponse } from 'next/server';
import { readCredential } from '@/lib/auth/http';
import { assertSameOrigin } from '@/lib/auth/http';
import { clearSessionCookies, requestFacts, sessionCookies } from '@/lib/auth/guards';
import { signOut } from '@/lib/auth/sign-ins';
import { env } from '@/lib/env';
import { route } from '@/lib/http';

/** Revokes the access token and its whole sign-in family, and clears both cookies. Always 204. */
export const POST = route(async (request) => {
  const facts = requestFacts(request);
  const credential = readCredential(request.headers, facts.secure);
  if (credential.via === 'bearer') {
    await signOut({ access: credential.token }, facts.meta);
    return new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  }
  assertSameOrigin(request, 'strict', env().APP_URL);
  await signOut(sessionCookies(request, facts.secure), facts.meta);
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return clearSessionCookies(response, facts.secure);
});
