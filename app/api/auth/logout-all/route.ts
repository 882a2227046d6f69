import { NextResponse } from 'next/server';
import { assertSameOrigin } from '@/lib/auth/csrf';
import { clearSessionCookies, isFormPost, requestFacts, seeOther } from '@/lib/auth/respond';
import { getSession, requireSession } from '@/lib/auth/session';
import { signOutEverywhere } from '@/lib/auth/tokens';
import { env } from '@/lib/env';
import { route } from '@/lib/http';

/**
 * Every token of the user issued until now dies, on every device: every sign-in and every API
 * token. 204 for JSON; a form post (on /account) gets 303 to the sign-in page, a full page load.
 */
export const POST = route(async (request) => {
  const form = isFormPost(request);
  if (form) {
    assertSameOrigin(request, 'strict', env().APP_URL);
    // A lapsed access token on a form post: sign in again rather than a JSON 401 page.
    if (!(await getSession(request))) return seeOther(request, '/login?next=/account');
  }
  const session = await requireSession(request);
  if (session.via === 'cookie') assertSameOrigin(request, 'strict', env().APP_URL);
  const facts = requestFacts(request);
  await signOutEverywhere(session.user.id, facts.meta);
  const response = form ? seeOther(request, '/login?reason=signed_out_everywhere') : new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return clearSessionCookies(response, facts.secure);
});
