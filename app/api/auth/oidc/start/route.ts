// GET /api/auth/oidc/start?provider=<key>&next=<path>[&link=1|&reauth=1]: off to the provider.
// Starting a flow changes nothing here but the short-lived `oidc` cookie of this browser.
import { NextResponse } from 'next/server';
import { startFlow } from '@/lib/auth/oidc';
import { requestFacts, writeCookies } from '@/lib/auth/respond';
import { route } from '@/lib/http';

export const GET = route(async (request) => {
  const facts = requestFacts(request);
  const outcome = await startFlow(request, facts);
  const response = NextResponse.redirect(outcome.location, { status: 303, headers: { 'Cache-Control': 'no-store' } });
  writeCookies(response.cookies, outcome.cookies);
  return response;
});
