import { NextResponse } from 'next/server';
import { clearSessionCookies, handler, sessionCookies } from '@/lib/auth/guards';
import { readCredential } from '@/lib/auth/http';
import { signOut } from '@/lib/auth/sign-ins';

/**
 * Revokes the access token and its whole sign-in family, and clears both cookies. Always 204.
 * No session is required: a lapsed access token still names its family through the refresh cookie.
 */
export const POST = handler({ auth: 'none' }, async (request, { facts }) => {
  const credential = readCredential(request.headers, facts.secure);
  if (credential.via === 'bearer') {
    await signOut({ access: credential.token }, facts.meta);
    return new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  }
  await signOut(sessionCookies(request, facts.secure), facts.meta);
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return clearSessionCookies(response, facts.secure);
});
