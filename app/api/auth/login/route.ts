import { NextResponse } from 'next/server';
import { signIn } from '@/lib/auth/accounts';
import { browserIdOf } from '@/lib/auth/devices';
import { handler, setSignInCookies } from '@/lib/auth/guards';
import { setMfaCookie } from '@/lib/auth/strong-respond';
import { readJson } from '@/lib/http';
import { mergeGuestCartOfRequest } from '@/lib/shop/merge-at-sign-in';
import { loginSchema } from '@/lib/validation/auth';
import type { z } from '@/lib/validation/zod';
import type { loginAnswerSchema } from '@/lib/validation/responses';

export const POST = handler({ auth: 'none', origin: 'login' }, async (request, { facts }) => {
  const input = await readJson(request, loginSchema);
  const result = await signIn(input, facts.meta, 'browser', { browserId: browserIdOf(request.headers, facts.secure) });
  if (result.mfaRequired) {
    // No session yet: the second step (POST /api/auth/login/mfa) finishes the sign-in (and merges the guest cart).
    const response = NextResponse.json({ mfaRequired: true, methods: result.methods } satisfies z.output<typeof loginAnswerSchema>, { headers: { 'Cache-Control': 'no-store' } });
    return setMfaCookie(response, result.mfaCookie, facts.secure);
  }
  const response = NextResponse.json({ user: result.user } satisfies z.output<typeof loginAnswerSchema>, { headers: { 'Cache-Control': 'no-store' } });
  await mergeGuestCartOfRequest(request, response, result.user.id);
  return setSignInCookies(response, result, facts.secure);
});
