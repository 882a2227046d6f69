import { NextResponse } from 'next/server';
import { signIn } from '@/lib/auth/accounts';
import { handler, setSessionCookies } from '@/lib/auth/guards';
import { setMfaCookie } from '@/lib/auth/strong-respond';
import { readJson } from '@/lib/http';
import { loginSchema } from '@/lib/validation/auth';

export const POST = handler({ auth: 'none', origin: 'login' }, async (request, { facts }) => {
  const input = await readJson(request, loginSchema);
  const result = await signIn(input, facts.meta, 'browser');
  if (result.mfaRequired) {
    // No session yet: the second step (POST /api/auth/login/mfa) finishes the sign-in.
    const response = NextResponse.json({ mfaRequired: true, methods: result.methods }, { headers: { 'Cache-Control': 'no-store' } });
    return setMfaCookie(response, result.mfaCookie, facts.secure);
  }
  const response = NextResponse.json({ user: result.user }, { headers: { 'Cache-Control': 'no-store' } });
  return setSessionCookies(response, result.tokens, facts.secure);
});
