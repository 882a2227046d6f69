import { NextResponse } from 'next/server';
import { clearSessionCookies, handler } from '@/lib/auth/guards';
import { signOutEverywhere } from '@/lib/auth/sign-ins';

/** Every token of the user issued until now dies, on every device. */
export const POST = handler({ auth: 'required' }, async (_request, { session, facts }) => {
  await signOutEverywhere(session.user.id, facts.meta);
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return clearSessionCookies(response, facts.secure);
});
