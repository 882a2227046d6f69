// POST /api/auth/login/mfa: the second step of sign-in, with the `mfa` cookie from the password
// step and a code from the authenticator app ({code}) or a recovery code ({recoveryCode}). Only
// now is the sign-in complete: the browser is remembered and the guest cart merged.
import { NextResponse } from 'next/server';
import { browserIdOf } from '@/lib/auth/devices';
import { handler, setSignInCookies } from '@/lib/auth/guards';
import { completeSecondStep } from '@/lib/auth/second-step';
import { clearMfaCookie, readMfaCookie } from '@/lib/auth/strong-respond';
import { db } from '@/lib/db';
import { readJson } from '@/lib/http';
import { mergeGuestCartOfRequest } from '@/lib/shop/merge-at-sign-in';
import { secondStepSchema } from '@/lib/validation/strong-sign-in';
import type { z } from '@/lib/validation/zod';
import type { signedInSchema } from '@/lib/validation/responses';

export const POST = handler({ auth: 'none', origin: 'login' }, async (request, { facts }) => {
  const input = await readJson(request, secondStepSchema);
  const signedIn = await completeSecondStep({
    cookie: readMfaCookie(request, facts.secure),
    ...input,
    meta: facts.meta,
    browser: { browserId: browserIdOf(request.headers, facts.secure) },
  });
  const user = await (await db()).user.findUniqueOrThrow({ where: { id: signedIn.userId }, select: { id: true, email: true, name: true } });
  const response = NextResponse.json({ user } satisfies z.output<typeof signedInSchema>, { headers: { 'Cache-Control': 'no-store' } });
  await mergeGuestCartOfRequest(request, response, user.id);
  return setSignInCookies(clearMfaCookie(response, facts.secure), signedIn, facts.secure);
});
