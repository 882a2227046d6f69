// POST /api/auth/reauth/options: a challenge for confirming it is you with one of your passkeys.
import { NextResponse } from 'next/server';
import { handler } from '@/lib/auth/guards';
import { reauthOptions } from '@/lib/auth/passkeys';
import { requestRelyingParty } from '@/lib/auth/strong-respond';
import type { WebauthnOptionsJson } from '@/lib/validation/strong-sign-in-responses';

export const POST = handler({ auth: 'required' }, async (request, { session }) => {
  const options = await reauthOptions({ userId: session.user.id, rp: requestRelyingParty(request) });
  return NextResponse.json({ options } satisfies WebauthnOptionsJson, { headers: { 'Cache-Control': 'no-store' } });
});
