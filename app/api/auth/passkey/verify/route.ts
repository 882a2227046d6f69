// POST /api/auth/passkey/verify {response}: a complete sign-in with a passkey (user verification
// required, so no second step), bound to the attempt in the `webauthn` cookie.
import { NextResponse } from 'next/server';
import { recordAuditEvent } from '@/lib/audit';
import { handler, setSessionCookies } from '@/lib/auth/guards';
import { verifyPasskeyAssertion } from '@/lib/auth/passkeys';
import { startSession } from '@/lib/auth/sign-ins';
import { clearMfaCookie, clearWebauthnAttempt, readWebauthnAttempt, requestRelyingParty } from '@/lib/auth/strong-respond';
import { db } from '@/lib/db';
import { readJson } from '@/lib/http';
import { passkeyVerifySchema } from '@/lib/validation/strong-sign-in';

export const POST = handler({ auth: 'none', origin: 'login' }, async (request, { facts }) => {
  const { response: assertion } = await readJson(request, passkeyVerifySchema);
  const { userId, amr } = await verifyPasskeyAssertion({
    response: assertion,
    rp: requestRelyingParty(request),
    bind: { attemptId: readWebauthnAttempt(request, facts.secure) },
    meta: facts.meta,
  });
  const user = await (await db()).user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true } });
  const tokens = await startSession(userId, facts.meta, { amr });
  await recordAuditEvent({ userId, type: 'sign_in', detail: 'With a passkey' }, facts.meta);
  const response = NextResponse.json({ user }, { headers: { 'Cache-Control': 'no-store' } });
  return setSessionCookies(clearMfaCookie(clearWebauthnAttempt(response, facts.secure), facts.secure), tokens, facts.secure);
});
