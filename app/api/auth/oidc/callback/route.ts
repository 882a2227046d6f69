// GET /api/auth/oidc/callback: where the provider sends the browser back (see lib/auth/oidc/flow.ts).
// auth 'none': the flow itself reads the session for link and re-authentication, so that every
// refusal (a database outage included) ends as a redirect with a message, never a JSON error.
import { NextResponse } from 'next/server';
import { handler, writeCookies } from '@/lib/auth/guards';
import { finishFlow } from '@/lib/auth/oidc';

export const GET = handler({ auth: 'none' }, async (request, { facts }) => {
  const outcome = await finishFlow(request, facts);
  const response = NextResponse.redirect(outcome.location, { status: 303, headers: { 'Cache-Control': 'no-store' } });
  writeCookies(response.cookies, outcome.cookies);
  return response;
});
