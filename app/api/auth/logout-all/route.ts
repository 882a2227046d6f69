import { NextResponse } from 'next/server';
import { assertSameOrigin } from '@/lib/auth/http';
import { clearSessionCookies, requestFacts } from '@/lib/auth/guards';
import { requireSession } from '@/lib/auth/session';
import { signOutEverywhere } from '@/lib/auth/sign-ins';
import { env } from '@/lib/env';
import { route } from '@/lib/http';

/** Every token of the user issued until now dies, on every device. */
export const POST = route(async (request) => {
  const session = await requireSession(request);
  if (session.via === 'cookie') assertSameOrigin(request, 'strict', env().APP_URL);
  await signOutEverywhere(session.user.id, requestFacts(request).meta);
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return clearSessionCookies(response, requestFacts(request).secure);
});
