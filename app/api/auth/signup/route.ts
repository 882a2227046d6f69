import { NextResponse } from 'next/server';
import { signUp } from '@/lib/auth/accounts';
import { assertSameOrigin } from '@/lib/auth/csrf';
import { browserIdOf } from '@/lib/auth/devices';
import { requestFacts, setSignInCookies } from '@/lib/auth/respond';
import { env } from '@/lib/env';
import { readJson, route } from '@/lib/http';
import { signupSchema } from '@/lib/validation/auth';

export const POST = route(async (request) => {
  assertSameOrigin(request, 'login', env().APP_URL);
  const input = await readJson(request, signupSchema);
  const facts = requestFacts(request);
  const signedIn = await signUp(input, facts.meta, { browserId: browserIdOf(request.headers, facts.secure) });
  const response = NextResponse.json({ user: signedIn.user }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  return setSignInCookies(response, signedIn, facts.secure);
});
