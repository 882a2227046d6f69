// POST /api/auth/passkey/options: a challenge for signing in with a passkey (button or autofill).
// Issuing a challenge changes nothing for anyone, but it writes a row: throttled per address.
import { NextResponse } from 'next/server';
import { consumePasskeyOptions } from '@/lib/auth/accounts';
import { handler } from '@/lib/auth/guards';
import { signInOptions } from '@/lib/auth/passkeys';
import { requestRelyingParty, setWebauthnAttempt } from '@/lib/auth/strong-respond';
import type { WebauthnOptionsJson } from '@/lib/validation/strong-sign-in-responses';

export const POST = handler({ auth: 'none', origin: 'login' }, async (request, { facts }) => {
  await consumePasskeyOptions(facts.meta.ipAddress);
  const { options, attemptId } = await signInOptions({ rp: requestRelyingParty(request) });
  return setWebauthnAttempt(NextResponse.json({ options } satisfies WebauthnOptionsJson, { headers: { 'Cache-Control': 'no-store' } }), attemptId, facts.secure);
});
