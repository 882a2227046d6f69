import { NextResponse } from 'next/server';
import { signIn } from '@/lib/auth/accounts';
import { assertSameOrigin } from '@/lib/auth/csrf';
import { requestFacts, setSessionCookies } from '@/lib/auth/respond';
import { env } from '@/lib/env';
import { readJson, route } from '@/lib/http';
import { mergeGuestCartOfRequest } from '@/lib/shop/merge-at-sign-in';
import { loginSchema } from '@/lib/validation/auth';

export const POST = route(async (request) => {
  assertSameOrigin(request, 'login', env().APP_URL);
  const input = await readJson(request, loginSchema);
  const facts = requestFacts(request);
  const { user, tokens } = await signIn(input, facts.meta);
  const response = NextResponse.json({ user }, { headers: { 'Cache-Control': 'no-store' } });
  await mergeGuestCartOfRequest(request, response, user.id);
  return setSessionCookies(response, tokens, facts.secure);
});
