import { NextResponse } from 'next/server';
import { signIn } from '@/lib/auth/accounts';
import { browserIdOf } from '@/lib/auth/devices';
import { handler, setSignInCookies } from '@/lib/auth/guards';
import { readJson } from '@/lib/http';
import { mergeGuestCartOfRequest } from '@/lib/shop/merge-at-sign-in';
import { loginSchema } from '@/lib/validation/auth';

export const POST = handler({ auth: 'none', origin: 'login' }, async (request, { facts }) => {
  const input = await readJson(request, loginSchema);
  const signedIn = await signIn(input, facts.meta, { browserId: browserIdOf(request.headers, facts.secure) });
  const response = NextResponse.json({ user: signedIn.user }, { headers: { 'Cache-Control': 'no-store' } });
  await mergeGuestCartOfRequest(request, response, signedIn.user.id);
  return setSignInCookies(response, signedIn, facts.secure);
});
