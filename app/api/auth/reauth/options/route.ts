// POST /api/auth/reauth/options: a challenge for confirming it is you with one of your passkeys.
import { NextResponse } from 'next/server';
import { assertSameOrigin } from '@/lib/auth/csrf';
import { reauthOptions } from '@/lib/auth/passkeys';
import { requireSession } from '@/lib/auth/session';
import { requestRelyingParty } from '@/lib/auth/strong-respond';
import { env } from '@/lib/env';
import { route } from '@/lib/http';

export const POST = route(async (request) => {
  const session = await requireSession(request);
  if (session.via === 'cookie') assertSameOrigin(request, 'strict', env().APP_URL);
  const options = await reauthOptions({ userId: session.user.id, rp: requestRelyingParty(request) });
  return NextResponse.json({ options }, { headers: { 'Cache-Control': 'no-store' } });
});
