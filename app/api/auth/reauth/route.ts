// POST /api/auth/reauth {password} or {response} (a passkey assertion): step-up. The sign-in gets
// a fresh auth_time in the same family; cookie clients get new cookies, Bearer clients the new
// pair in the body. Personal API tokens are refused: they never count as a recent sign-in.
import { NextResponse } from 'next/server';
import { assertSameOrigin } from '@/lib/auth/csrf';
import { reauthenticateSession } from '@/lib/auth/reauth';
import { requestFacts, setSessionCookies } from '@/lib/auth/respond';
import { requireSession } from '@/lib/auth/session';
import { requestRelyingParty } from '@/lib/auth/strong-respond';
import { env } from '@/lib/env';
import { readJson, route } from '@/lib/http';
import { reauthSchema } from '@/lib/validation/strong-sign-in';

export const POST = route(async (request) => {
  const session = await requireSession(request);
  if (session.via === 'cookie') assertSameOrigin(request, 'strict', env().APP_URL);
  const input = await readJson(request, reauthSchema);
  const facts = requestFacts(request);
  const tokens = await reauthenticateSession({
    session,
    proof: 'password' in input ? { password: input.password } : { passkey: input.response, rp: requestRelyingParty(request) },
    meta: facts.meta,
  });
  const authTime = tokens.access.claims.auth_time!;
  const headers = { 'Cache-Control': 'no-store' };
  if (session.via === 'bearer') {
    return NextResponse.json({ authTime, access_token: tokens.access.token, refresh_token: tokens.refresh.token, token_type: 'Bearer' }, { headers });
  }
  return setSessionCookies(NextResponse.json({ authTime }, { headers }), tokens, facts.secure);
});
