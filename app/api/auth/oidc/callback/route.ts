// GET /api/auth/oidc/callback: where the provider sends the browser back (see lib/auth/oidc/flow.ts).
import { NextResponse } from 'next/server';
import { finishFlow } from '@/lib/auth/oidc';
import { requestFacts, writeCookies } from '@/lib/auth/respond';
import { route } from '@/lib/http';

export const GET = route(async (request) => {
  const facts = requestFacts(request);
  const outcome = await finishFlow(request, facts);
  const response = NextResponse.redirect(outcome.location, { status: 303, headers: { 'Cache-Control': 'no-store' } });
  writeCookies(response.cookies, outcome.cookies);
  return response;
});
