import { NextResponse } from 'next/server';
import { signUp } from '@/lib/auth/accounts';
import { assertSameOrigin } from '@/lib/auth/http';
import { requestFacts, setSessionCookies } from '@/lib/auth/guards';
import { env } from '@/lib/env';
import { readJson, route } from '@/lib/http';
import { signupSchema } from '@/lib/validation/auth';

export const POST = route(async (request) => {
  assertSameOrigin(request, 'login', env().APP_URL);
  const input = await readJson(request, signupSchema);
  const facts = requestFacts(request);
  const { user, tokens } = await signUp(input, facts.meta);
  const response = NextResponse.json({ user }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  return setSessionCookies(response, tokens, facts.secure);
});
