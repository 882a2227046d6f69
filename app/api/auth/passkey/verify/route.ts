// POST /api/auth/passkey/verify {response}: a complete sign-in with a passkey (user verification
// required, so no second step), bound to the attempt in the `webauthn` cookie.
import { NextResponse } from 'next/server';
import { recordAuditEvent } from '@/lib/audit';
import { rememberSignInBrowser } from '@/lib/auth/browser-sign-in';
import { browserIdOf } from '@/lib/auth/devices';
import { handler, setSignInCookies } from '@/lib/auth/guards';
import { verifyPasskeyAssertion } from '@/lib/auth/passkeys';
import { startSession } from '@/lib/auth/sign-ins';
import { clearMfaCookie, clearWebauthnAttempt, readWebauthnAttempt, requestRelyingParty } from '@/lib/auth/strong-respond';
import { db } from '@/lib/db';
import { readJson } from '@/lib/http';
import { mergeGuestCartOfRequest } from '@/lib/shop/merge-at-sign-in';
import { passkeyVerifySchema } from '@/lib/validation/strong-sign-in';
import type { z } from '@/lib/validation/zod';
import type { signedInSchema } from '@/lib/validation/responses';

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
  // A complete browser sign-in: the browser is remembered and the guest cart merged.
  const browser = await rememberSignInBrowser({ userId, browserId: browserIdOf(request.headers, facts.secure), meta: facts.meta });
  const response = NextResponse.json({ user } satisfies z.output<typeof signedInSchema>, { headers: { 'Cache-Control': 'no-store' } });
  await mergeGuestCartOfRequest(request, response, userId);
  return setSignInCookies(clearMfaCookie(clearWebauthnAttempt(response, facts.secure), facts.secure), { tokens, browser }, facts.secure);
});
