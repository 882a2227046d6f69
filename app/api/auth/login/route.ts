import { NextResponse } from 'next/server';
import { signIn } from '@/lib/auth/accounts';
import { assertSameOrigin } from '@/lib/auth/csrf';
import { browserIdOf } from '@/lib/auth/devices';
import { requestFacts, setSignInCookies } from '@/lib/auth/respond';
import { env } from '@/lib/env';
import { readJson, route } from '@/lib/http';
import { loginSchema } from '@/lib/validation/auth';

export const POST = route(async (request) => {
  assertSameOrigin(request, 'login', env().APP_URL);
  const input = await readJson(request, loginSchema);
  const facts = requestFacts(request);
  const signedIn = await signIn(input, facts.meta, { browserId: browserIdOf(request.headers, facts.secure) });
  const response = NextResponse.json({ user: signedIn.user }, { headers: { 'Cache-Control': 'no-store' } });
  return setSignInCookies(response, signedIn, facts.secure);
});
