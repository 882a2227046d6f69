// The optimistic check, on the Edge runtime, before any protected page renders.
//
// It verifies the access token's signature and claims (no database: it cannot see revocations)
// and turns away requests that cannot possibly be signed in, quickly:
//   - a protected page without a good token goes through the refresh hop when the browser holds a
//     refresh cookie (the refresh cookie itself is scoped to /api/auth and invisible here), or
//     straight to /login?next=…;
//   - a server action posted from another origin gets a clean 403.
// It is NOT the security boundary: every page, route handler and server action checks the
// session itself through lib/auth/session/. Identity is never passed on in headers.
// It also sets the per-response Content-Security-Policy nonce, and answers the API's CORS
// preflights. The API's other requests skip it (config.matcher): their guards are the check.
//
// Imports only runtime-neutral modules (jose, zod): importing Prisma here would build, then fail
// at run time. The import rule in eslint.config.mjs guards that.
import { NextResponse, type NextRequest } from 'next/server';
import {
  appOrigin,
  cookieNames,
  isProtectedPage,
  isSecureRequest,
  normalisePath,
  originProblem,
  preflightResponse,
  readCredential,
  refreshHopUrl,
} from '@/lib/auth/http';
import { verifyToken } from '@/lib/auth/tokens';
import { env } from '@/lib/env';
import { cartCookieName } from '@/lib/shop/cart-cookie';
import { contentSecurityPolicy, createNonce } from '@/lib/security-headers';
import { getsPrerenderedFrontPage, prerenderedFrontPageScriptHashes } from '@/lib/prerendered-front-page';
import { PRERENDERED_FRONT_PAGE_HEADER, PRERENDERED_FRONT_PAGE_PATH } from '@/lib/prerendered-front-page-names.mjs';

/**
 * The prerendered front page's policy over HTTP and HTTPS, naming the script hashes scripts/build.mjs
 * wrote into this code; null after a bare `next build` (no hashes: every visit renders `/`).
 */
const FRONT_PAGE_POLICY = frontPagePolicies(prerenderedFrontPageScriptHashes(process.env.PRERENDERED_FRONT_PAGE_SCRIPT_HASHES));

function frontPagePolicies(hashes: string[]): { https: string; http: string } | null {
  if (hashes.length === 0) return null;
  return { https: contentSecurityPolicy({ hashes }, { https: true, dev: false }), http: contentSecurityPolicy({ hashes }, { https: false, dev: false }) };
}

export async function middleware(request: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl;
  const config = env();
  const secure = isSecureRequest(request.headers, config.APP_URL, request.url);

  // The development mailbox does not exist in production. Said here, not only by the page: a
  // streamed page (the route-level loading state) would answer its not-found with status 200.
  if (process.env.NODE_ENV === 'production' && (pathname === '/dev' || pathname.startsWith('/dev/'))) {
    return new NextResponse('Not found', { status: 404, headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain' } });
  }

  // A path that is not valid percent-encoded UTF-8 (`/products/%ff`) would make the router's
  // decoding throw deep inside the render, a bare 500. It is the client's mistake: 400, said plainly.
  if (!isDecodablePath(request.nextUrl.pathname)) return badPath(pathname);

  // A server action called from another origin (or with no Origin, or Sec-Fetch-Site cross-site or
  // same-site): a clean 403 here, instead of Next's own 500 ("Invalid Server Actions request") or an
  // error thrown by the action's own check. Each action still checks the origin itself. A POST to a
  // page is always a server action (a no-JavaScript form names it in the body, not a header).
  if (request.method === 'POST' && (request.headers.has('next-action') || !pathname.startsWith('/api/'))) {
    const problem = originProblem(request.headers, appOrigin(request.url, config.APP_URL), 'strict');
    if (problem) {
      return NextResponse.json(
        { error: { code: problem.code, message: problem.message } },
        { status: problem.status, headers: { 'Cache-Control': 'no-store' } },
      );
    }
  }

  // API routes reach the middleware only for a CORS preflight or a %-escape check (see
  // config.matcher): their guards are their check, and their CORS headers come from the guard too
  // (lib/auth/guards/route.ts).
  if (pathname.startsWith('/api/')) {
    if (request.method === 'OPTIONS') return preflightResponse(request.headers.get('origin'), config.CORS_ORIGINS);
    return NextResponse.next();
  }

  // The prerendered front page has one address, `/`: asked for by its own path, it would meet the
  // nonce policy below, which its scripts do not carry.
  if (normalisePath(pathname) === PRERENDERED_FRONT_PAGE_PATH) return redirect(new URL('/', request.url), 308);

  const protectedPage = isProtectedPage(pathname);
  const refusal = await refusePage(request, secure, protectedPage);
  if (refusal) return refusal;

  // `/` for a visitor the server knows nothing about: next.config.js serves the page prerendered at
  // build time (docs/architecture.md, "The front page for a first visit"). The request must carry
  // no policy: given one with a nonce, Next would render the page anew and keep that render.
  const cookieNamesSent = () => request.cookies.getAll().map((cookie) => cookie.name);
  if (FRONT_PAGE_POLICY && getsPrerenderedFrontPage({ method: request.method, pathname, search: request.nextUrl.search, cookieNames: cookieNamesSent })) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.delete('Content-Security-Policy');
    requestHeaders.set(PRERENDERED_FRONT_PAGE_HEADER, 'prerendered');
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set('Content-Security-Policy', secure ? FRONT_PAGE_POLICY.https : FRONT_PAGE_POLICY.http);
    // Public, but the answer at `/` depends on the cookies: no shared cache may keep it.
    response.headers.set('Cache-Control', 'private, no-cache');
    return response;
  }

  // Pages: a nonce for this response's scripts. Next reads the policy from the request headers
  // and puts the nonce on the scripts it renders.
  const nonce = createNonce();
  const policy = contentSecurityPolicy({ nonce }, { https: secure, dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  // Only this middleware tells next.config.js to serve the prerendered page, never the client.
  requestHeaders.delete(PRERENDERED_FRONT_PAGE_HEADER);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  // The cart page, and any page whose header counts a guest cart, depend on a cookie too.
  const cartPage = protectedPage || request.cookies.has(cartCookieName(secure)) || normalisePath(pathname) === '/cart';
  if (cartPage) response.headers.set('Cache-Control', 'private, no-store');
  return response;
}

/** A redirect for a page visit that cannot be signed in as it stands; null to render the page. */
async function refusePage(request: NextRequest, secure: boolean, protectedPage: boolean): Promise<NextResponse | null> {
  const { pathname, search } = request.nextUrl;
  const names = cookieNames(secure);
  // Pages are for the cookie: a Bearer header (a program, an API token) never opens one.
  const credential = readCredential(request.headers, secure);
  // At most one refresh hop per navigation: not after one just failed (a hint cookie the app
  // cannot clear would otherwise loop the browser between the page and the hop).
  const mayRefresh = request.cookies.has(names.hint) && !request.cookies.has(names.hopFailed);

  if (!protectedPage) {
    // A public page for someone whose access token lapsed: renew it on the way, so the header
    // still knows them. Only for document navigations, never for data or prefetch requests.
    if (mayRefresh && credential.via === 'none' && isDocumentNavigation(request)) return refreshHop(request, pathname + search);
    return null;
  }

  if (credential.via === 'cookie' && (await verifyToken('access', credential.token)).ok) return null;
  if (mayRefresh && credential.via !== 'bearer') return refreshHop(request, pathname + search);
  const login = new URL('/login', request.url);
  login.searchParams.set('next', pathname + search);
  return redirect(login);
}

function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function badPath(pathname: string): NextResponse {
  const message = 'This address is not valid: it has a broken %-escape.';
  const headers = { 'Cache-Control': 'no-store' };
  if (pathname.startsWith('/api/')) return NextResponse.json({ error: { code: 'invalid_path', message } }, { status: 400, headers });
  return new NextResponse(`Bad request. ${message}\n`, { status: 400, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
}

function redirect(url: URL, status: 303 | 308 = 303): NextResponse {
  const response = NextResponse.redirect(url, status);
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

function refreshHop(request: NextRequest, next: string): NextResponse {
  return redirect(refreshHopUrl(next, request.url));
}

function isDocumentNavigation(request: NextRequest): boolean {
  if (request.method !== 'GET' || request.headers.has('rsc') || request.headers.has('next-router-prefetch')) return false;
  return request.headers.get('sec-fetch-dest') === 'document' || (request.headers.get('accept') ?? '').includes('text/html');
}

export const config = {
  // Pages (everything but static files, the API and /.well-known/jwks.json), where this check redirects, runs the refresh
  // hop and sets the nonce CSP; and the API's CORS preflights. Not the API's other requests: a
  // route's guard already verifies the token first (a bad one never reaches the database), so a
  // second verification here bought nothing and halved a cheap route's throughput
  // (docs/benchmarks.md, "+ middleware").
  // (An API path with a %-escape comes here too, for the broken-escape check: Next's own decoding
  // of a dynamic segment would otherwise answer /api/products/%ff with a bare 500.)
  matcher: [
    '/((?!api/|\\.well-known/|_next/static|_next/image|favicon\\.ico|images/|screenshots/|robots\\.txt).*)',
    '/api/(.*%.*)',
    { source: '/api/:path*', has: [{ type: 'header', key: 'access-control-request-method' }] },
  ],
};
