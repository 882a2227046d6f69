// Better Auth's recommended Next.js middleware: an optimistic check for the session cookie on the
// protected routes only (no database call here; the page validates the session).
import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';

export async function middleware(request: NextRequest) {
  const sessionCookie = getSessionCookie(request);
  if (!sessionCookie) return NextResponse.redirect(new URL('/sign-in', request.url));
  return NextResponse.next();
}

export const config = { matcher: ['/orders'] };
