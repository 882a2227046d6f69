import { NextResponse } from 'next/server';
import { signIn } from '@/lib/auth/accounts';
import { assertSameOrigin } from '@/lib/auth/csrf';
import { requestFacts, setSessionCookies } from '@/lib/auth/respond';
import { setMfaCookie } from '@/lib/auth/strong-respond';
import { env } from '@/lib/env';
import { readJson, route } from '@/lib/http';
import { loginSchema } from '@/lib/validation/auth';

export const POST = route(async (request) => {
  assertSameOrigin(request, 'login', env().APP_URL);
  const input = await readJson(request, loginSchema);
  const facts = requestFacts(request);
  const result = await signIn(input, facts.meta, 'browser');
  if (result.mfaRequired) {
    // No session yet: the second step (POST /api/auth/login/mfa) finishes the sign-in.
    const response = NextResponse.json({ mfaRequired: true, methods: result.methods }, { headers: { 'Cache-Control': 'no-store' } });
    return setMfaCookie(response, result.mfaCookie, facts.secure);
  }
  const response = NextResponse.json({ user: result.user }, { headers: { 'Cache-Control': 'no-store' } });
  return setSessionCookies(response, result.tokens, facts.secure);
});
