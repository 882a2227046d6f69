// POST /api/auth/login/mfa: the second step of sign-in, with the `mfa` cookie from the password
// step and a code from the authenticator app ({code}) or a recovery code ({recoveryCode}).
import { NextResponse } from 'next/server';
import { handler, setSessionCookies } from '@/lib/auth/guards';
import { completeSecondStep } from '@/lib/auth/second-step';
import { clearMfaCookie, readMfaCookie } from '@/lib/auth/strong-respond';
import { db } from '@/lib/db';
import { readJson } from '@/lib/http';
import { secondStepSchema } from '@/lib/validation/strong-sign-in';

export const POST = handler({ auth: 'none', origin: 'login' }, async (request, { facts }) => {
  const input = await readJson(request, secondStepSchema);
  const { userId, tokens } = await completeSecondStep({ cookie: readMfaCookie(request, facts.secure), ...input, meta: facts.meta });
  const user = await (await db()).user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true } });
  const response = NextResponse.json({ user }, { headers: { 'Cache-Control': 'no-store' } });
  return setSessionCookies(clearMfaCookie(response, facts.secure), tokens, facts.secure);
});
