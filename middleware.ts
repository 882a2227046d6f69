// The optimistic check, on the Edge runtime, before any protected page renders.
//
// It verifies the access token's signature and claims (no database: it cannot see revocations)
// and turns away requests that cannot possibly be signed in, quickly:
//   - a protected page without a good token goes through the refresh hop, which rotates the
//     refresh cookie (scoped to /api/auth, so it is invisible here) or ends on /login?next=…;
//   - a protected JSON route without a good token gets 401 with WWW-Authenticate: Bearer.
// It is NOT the security boundary: every page, route handler and server action checks the
// session itself through lib/auth/session.ts. Identity is never passed on in headers.
//
// Imports only runtime-neutral modules (jose, zod): importing Prisma here would build, then fail
// at run time. middleware.edge-imports.test.ts guards that.
import { NextResponse, type NextRequest } from 'next/server';
import { cookieNames, isSecureRequest, readCredential } from '@/lib/auth/cookies';
import { corsHeaders, preflightResponse } from '@/lib/auth/cors';
import { verifyToken } from '@/lib/auth/jwt';
import { isProtectedApi, isProtectedPage } from '@/lib/auth/paths';
import { env } from '@/lib/env';

export async function middleware(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.startsWith('/api/')) {
    const origin = request.headers.get('origin');
    const allowed = env().CORS_ORIGINS;
    if (request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
      return preflightResponse(origin, allowed);
    }
    const response = await check(request);
    for (const [name, value] of Object.entries(corsHeaders(origin, allowed))) response.headers.set(name, value);
    return response;
  }
  return check(request);
}

async function check(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const page = isProtectedPage(pathname);
  const api = !page && isProtectedApi(pathname);
  const secure = isSecureRequest(request.headers, env().APP_URL) || request.nextUrl.protocol === 'https:';
  const names = cookieNames(secure);
  const credential = readCredential(request.headers, secure);
  const mayRefresh = request.cookies.has(names.hint);

  if (!page && !api) {
    // A public page for someone whose access token lapsed: renew it on the way, so the header
    // still knows them. Only for page navigations (GET, not API, not prefetch data requests).
    if (mayRefresh && credential.via === 'none' && isPageNavigation(request)) return refreshHop(request, pathname + search);
    return NextResponse.next();
  }

  // API tokens and other Bearer credentials never open pages: pages are for the cookie.
  const usable = page ? credential.via === 'cookie' : credential.via !== 'none';
  const verified = usable && 'token' in credential ? await verifyToken('access', credential.token) : null;

  if (verified?.ok) {
    const response = NextResponse.next();
    response.headers.set('Cache-Control', 'private, no-store');
    return response;
  }

  if (api) {
    const error = credential.via === 'none' ? '' : ', error="invalid_token"';
    return NextResponse.json(
      { error: { code: 'unauthorized', message: 'Sign in or send a valid Bearer token.' } },
      { status: 401, headers: { 'WWW-Authenticate': `Bearer realm="api"${error}`, 'Cache-Control': 'no-store' } },
    );
  }

  if (mayRefresh) return refreshHop(request, pathname + search);
  const login = new URL('/login', request.url);
  login.searchParams.set('next', pathname + search);
  return redirect(login);
}

function redirect(url: URL): NextResponse {
  const response = NextResponse.redirect(url, 303);
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

function refreshHop(request: NextRequest, next: string): NextResponse {
  const hop = new URL('/api/auth/refresh', request.url);
  hop.searchParams.set('next', next);
  return redirect(hop);
}

function isPageNavigation(request: NextRequest): boolean {
  if (request.method !== 'GET') return false;
  if (request.nextUrl.pathname.startsWith('/api/') || request.nextUrl.pathname.startsWith('/_next/')) return false;
  return request.headers.get('sec-fetch-dest') === 'document' || (request.headers.get('accept') ?? '').includes('text/html');
}

export const config = {
  // Everything but static files; the path checks above decide what is protected.
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|images/|robots\\.txt).*)'],
};
