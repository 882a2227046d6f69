import { NextResponse } from 'next/server';
import { clearSessionCookies, handler, isFormPost, seeOther } from '@/lib/auth/guards';
import { signOutEverywhere } from '@/lib/auth/sign-ins';

/**
 * Every token of the user issued until now dies, on every device: every sign-in and every API
 * token. 204 for JSON; a form post (on /account) gets 303 to the sign-in page, a full page load.
 * A personal API token cannot do this (the guard names no scope: 403).
 */
export const POST = handler({ auth: 'required' }, async (request, { session, facts }) => {
  await signOutEverywhere(session.user.id, facts.meta);
  const response = isFormPost(request) ? seeOther(request, '/login?reason=signed_out_everywhere') : new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return clearSessionCookies(response, facts.secure);
});
