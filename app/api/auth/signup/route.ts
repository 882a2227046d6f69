import { NextResponse } from 'next/server';
import { signUp } from '@/lib/auth/accounts';
import { handler, setSessionCookies } from '@/lib/auth/guards';
import { readJson } from '@/lib/http';
import { signupSchema } from '@/lib/validation/auth';

export const POST = handler({ auth: 'none', origin: 'login' }, async (request, { facts }) => {
  const input = await readJson(request, signupSchema);
  const { user, tokens } = await signUp(input, facts.meta);
  const response = NextResponse.json({ user }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  return setSessionCookies(response, tokens, facts.secure);
});
