import { NextResponse } from 'next/server';
import { signUp } from '@/lib/auth/accounts';
import { browserIdOf } from '@/lib/auth/devices';
import { handler, setSignInCookies } from '@/lib/auth/guards';
import { readJson } from '@/lib/http';
import { mergeGuestCartOfRequest } from '@/lib/shop/merge-at-sign-in';
import { signupSchema } from '@/lib/validation/auth';
import type { z } from '@/lib/validation/zod';
import type { signedInSchema } from '@/lib/validation/responses';

export const POST = handler({ auth: 'none', origin: 'login' }, async (request, { facts }) => {
  const input = await readJson(request, signupSchema);
  const signedIn = await signUp(input, facts.meta, { browserId: browserIdOf(request.headers, facts.secure) });
  const response = NextResponse.json({ user: signedIn.user } satisfies z.output<typeof signedInSchema>, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  await mergeGuestCartOfRequest(request, response, signedIn.user.id);
  return setSignInCookies(response, signedIn, facts.secure);
});
