// GET /api/auth/oidc/start?provider=<key>&next=<path>[&link=1|&reauth=1]: off to the provider.
// Starting a flow changes nothing here but the short-lived `oidc` cookie of this browser. auth
// 'none': the flow reads the session itself for link and reauth (lib/auth/oidc/flow.ts), so that a
// refusal, step-up included, ends as a redirect with a message rather than a JSON error.
import { NextResponse } from 'next/server';
import { handler, writeCookies } from '@/lib/auth/guards';
import { startFlow } from '@/lib/auth/oidc';

export const GET = handler({ auth: 'none' }, async (request, { facts }) => {
  const outcome = await startFlow(request, facts);
  const response = NextResponse.redirect(outcome.location, { status: 303, headers: { 'Cache-Control': 'no-store' } });
  writeCookies(response.cookies, outcome.cookies);
  return response;
});
