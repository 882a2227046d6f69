// POST /api/auth/reauth {password} or {response} (a passkey assertion): step-up. The sign-in gets
// a fresh auth_time in the same family; cookie clients get new cookies, Bearer clients the new
// pair in the body. Personal API tokens are refused: they never count as a recent sign-in.
import { NextResponse } from 'next/server';
import { handler, setSessionCookies } from '@/lib/auth/guards';
import { reauthenticateSession } from '@/lib/auth/reauth';
import { requestRelyingParty } from '@/lib/auth/strong-respond';
import { readJson } from '@/lib/http';
import { reauthSchema } from '@/lib/validation/strong-sign-in';
import type { z } from '@/lib/validation/zod';
import type { reauthAnswerSchema } from '@/lib/validation/strong-sign-in-responses';

type ReauthAnswer = z.output<typeof reauthAnswerSchema>;

export const POST = handler({ auth: 'required' }, async (request, { session, facts }) => {
  const input = await readJson(request, reauthSchema);
  const tokens = await reauthenticateSession({
    session,
    proof: 'password' in input ? { password: input.password } : { passkey: input.response, rp: requestRelyingParty(request) },
    meta: facts.meta,
  });
  const authTime = tokens.access.claims.auth_time!;
  const headers = { 'Cache-Control': 'no-store' };
  if (session.via === 'bearer') {
    return NextResponse.json({ authTime, access_token: tokens.access.token, refresh_token: tokens.refresh.token, token_type: 'Bearer' } satisfies ReauthAnswer, { headers });
  }
  return setSessionCookies(NextResponse.json({ authTime } satisfies ReauthAnswer, { headers }), tokens, facts.secure);
});
