import { NextResponse } from 'next/server';
import { clearSessionCookies, handler, isFormPost, seeOther } from '@/lib/auth/guards';
import { signOutEverywhere } from '@/lib/auth/sign-ins';
import { unauthorized } from '@/lib/errors';

/**
 * Every token of the user issued until now dies, on every device: every sign-in and every API
 * token. 204 for JSON; a form post (on /account) gets 303 to the sign-in page, a full page load.
 * The guard looks the session up without requiring it (`optional`), so that a form post whose
 * access token lapsed is sent to sign in again rather than shown a JSON 401; without a session
 * anything else is still 401.
 */
export const POST = handler({ auth: 'optional' }, async (request, { session, facts }) => {
  const form = isFormPost(request);
  if (!session) {
    if (form) return seeOther(request, '/login?next=/account');
    throw unauthorized();
  }
  await signOutEverywhere(session.user.id, facts.meta);
  const response = form ? seeOther(request, '/login?reason=signed_out_everywhere') : new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return clearSessionCookies(response, facts.secure);
});
