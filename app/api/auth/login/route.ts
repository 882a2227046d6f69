import { NextResponse } from 'next/server';
import { signIn } from '@/lib/auth/accounts';
import { handler, setSessionCookies } from '@/lib/auth/guards';
import { readJson } from '@/lib/http';
import { loginSchema } from '@/lib/validation/auth';

export const POST = handler({ auth: 'none', origin: 'login' }, async (request, { facts }) => {
  const input = await readJson(request, loginSchema);
  const { user, tokens } = await signIn(input, facts.meta);
  const response = NextResponse.json({ user }, { headers: { 'Cache-Control': 'no-store' } });
  return setSessionCookies(response, tokens, facts.secure);
});
