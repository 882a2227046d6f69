// POST /api/auth/passkey/options: a challenge for signing in with a passkey (button or autofill).
// Issuing a challenge changes nothing for anyone, but it writes a row: throttled per address.
import { NextResponse } from 'next/server';
import { assertSameOrigin } from '@/lib/auth/csrf';
import { signInOptions } from '@/lib/auth/passkeys';
import { consumePasskeyOptions } from '@/lib/auth/rate-limit';
import { requestFacts } from '@/lib/auth/respond';
import { requestRelyingParty, setWebauthnAttempt } from '@/lib/auth/strong-respond';
import { env } from '@/lib/env';
import { route } from '@/lib/http';

export const POST = route(async (request) => {
  assertSameOrigin(request, 'login', env().APP_URL);
  const facts = requestFacts(request);
  await consumePasskeyOptions(facts.meta.ipAddress);
  const { options, attemptId } = await signInOptions({ rp: requestRelyingParty(request) });
  return setWebauthnAttempt(NextResponse.json({ options }, { headers: { 'Cache-Control': 'no-store' } }), attemptId, facts.secure);
});
