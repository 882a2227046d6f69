// The data access layer's session check: the secure check, run by every page, route handler and
// server action that reads or changes user data. This is where revocation is checked.
//
// The middleware already verified the signature, but it is only a filter (it has been bypassed
// before, see docs/architecture.md), so this re-reads the credential from the request itself, verifies it
// again (memoised, so cheap) and then asks the database, in one query, whether:
//   - the user still exists,
//   - the token was issued after the user's last "sign out everywhere",
//   - neither the token's jti nor its session family (sid) has been revoked.
// The same statement reads whether the user's address is verified (GET /api/me shows it).
import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { sqltag as sql } from '@prisma/client/runtime/client';
import { db } from '@/lib/db';
import { queryRows } from '@/lib/db/client';
import { env } from '@/lib/env';
import { AppError, invalidCredential, unauthorized } from '@/lib/errors';
import { touchApiToken } from '../api-tokens';
import { hasScope, isApiToken, type ApiScope } from '../tokens';
import { cookieNames, isProtectedPage, isSecureRequest, readCookie, readCredential, type Credential } from '../http';
import { verifyToken, type TokenClaims } from '../tokens';
import { isIssuedBefore } from '../tokens';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** The user as the session check found them, with the address's state (DESIGN's /api/me contract). */
export interface SignedInUser extends SessionUser {
  emailVerified: boolean;
}

export interface Session {
  user: SignedInUser;
  claims: TokenClaims;
  via: 'cookie' | 'bearer';
}

interface UserAndRevocation {
  id: string;
  email: string;
  name: string;
  tokensValidAfter: Date;
  /** SQLite answers EXISTS and IS NOT NULL with 0n/1n, Postgres with a boolean. */
  emailVerified: boolean | bigint | number;
  revoked: boolean | bigint | number;
}

/**
 * The one database round trip of a request's session check: the user, and whether the token's
 * jti or its sign-in family (sid) is revoked. Both are primary-key lookups. (Prisma's relation
 * query would send two statements; this is one, and it reads the same on SQLite and Postgres. It goes
 * to the driver adapter through queryRows, which skips the cost of Prisma's own raw-query path.)
 */
async function findUserAndRevocation(claims: TokenClaims): Promise<(Omit<UserAndRevocation, 'revoked' | 'emailVerified'> & { revoked: boolean; emailVerified: boolean }) | null> {
  const rows = await queryRows<UserAndRevocation>(await db(), sql`
    SELECT u."id", u."email", u."name", u."tokensValidAfter", (u."emailVerifiedAt" IS NOT NULL) AS "emailVerified",
           EXISTS (SELECT 1 FROM "RevokedToken" r WHERE r."jti" IN (${claims.jti}, ${claims.sid}) AND r."userId" = u."id") AS "revoked"
    FROM "User" u
    WHERE u."id" = ${claims.sub}`);
  const row = rows[0];
  if (!row) return null;
  return { ...row, tokensValidAfter: new Date(row.tokensValidAfter), emailVerified: Boolean(row.emailVerified), revoked: Boolean(row.revoked) };
}

/** Verifies an access token and checks it against the database. Null when it is not good. */
export async function checkAccessToken(token: string, via: Session['via']): Promise<Session | null> {
  const verified = await verifyToken('access', token);
  if (!verified.ok) return null;
  const { claims } = verified;

  const user = await findUserAndRevocation(claims);
  if (!user || user.revoked || isIssuedBefore(claims, user.tokensValidAfter)) return null;
  return { user: { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified }, claims, via };
}

/**
 * Reads the request's credential: the Bearer header if there is one, else the access cookie.
 * Route handlers pass their Request; pages and server actions use next/headers.
 */
export async function requestCredential(request?: Request): Promise<Credential> {
  if (request) return readCredential(request.headers, isSecureRequest(request.headers, env().APP_URL, request.url));
  const requestHeaders = await headers();
  const secure = isSecureRequest(requestHeaders, env().APP_URL);
  if (requestHeaders.has('authorization')) return readCredential(requestHeaders, secure);
  // cookies() also sees cookies set earlier in this same server action; the raw header does not.
  const token = (await cookies()).get(cookieNames(secure).access)?.value;
  return token ? { via: 'cookie', token } : { via: 'none' };
}

async function sessionFor(credential: Credential): Promise<Session | null> {
  return credential.via === 'none' ? null : checkAccessToken(credential.token, credential.via);
}

async function sessionOfNextRequest(): Promise<Session | null> {
  return sessionFor(await requestCredential());
}

const sessionOfThisRequest = cache(sessionOfNextRequest);

// Route handlers run outside React's per-request cache: memoise per Request object instead.
const sessionsByRequest = new WeakMap<Request, Promise<Session | null>>();

/** The signed-in user of this request, or null. Memoised per request. */
export function getSession(request?: Request): Promise<Session | null> {
  if (!request) return sessionOfThisRequest();
  let found = sessionsByRequest.get(request);
  if (!found) {
    found = requestCredential(request).then(sessionFor);
    sessionsByRequest.set(request, found);
  }
  return found;
}

/**
 * Whether the request presents a credential at all, good or not: an Authorization header (any
 * scheme, any shape) or an access cookie (even an empty one).
 */
export async function presentsCredential(request?: Request): Promise<boolean> {
  if (request) {
    const secure = isSecureRequest(request.headers, env().APP_URL, request.url);
    return request.headers.has('authorization') || readCookie(request.headers, cookieNames(secure).access) !== undefined;
  }
  const requestHeaders = await headers();
  const secure = isSecureRequest(requestHeaders, env().APP_URL);
  return requestHeaders.has('authorization') || (await cookies()).get(cookieNames(secure).access) !== undefined;
}

/**
 * For endpoints that serve guests and users alike (the guards' `auth: 'optional'`): null when the
 * request presents no credential; otherwise the credential must be good, exactly as for
 * requireSession (401, or 403 for an API token without `scope`). A bad credential never falls
 * back to the anonymous answer: the client learns its sign-in ended instead of silently seeing
 * someone else's view (a guest cart in place of the account's).
 */
export async function optionalSession(request?: Request, options: { scope?: ApiScope } = {}): Promise<Session | null> {
  return (await presentsCredential(request)) ? requireSession(request, options) : null;
}

/**
 * The signed-in person a page is rendered for, or null. Pages are for people signed in with the
 * access cookie: a request's Authorization header never opens or personalises a page, and a token
 * with a `scope` is never a person, even when someone puts it in the cookie. That is a personal
 * API token, and also a sign-in narrowed at the token endpoint: a page names no scope, so, like
 * every route that names none, it takes only a full sign-in (the cookie flows never narrow).
 */
export const getPageSession = cache(async (): Promise<Session | null> => {
  const requestHeaders = await headers();
  if (requestHeaders.has('authorization')) return null;
  const secure = isSecureRequest(requestHeaders, env().APP_URL);
  const token = (await cookies()).get(cookieNames(secure).access)?.value;
  if (!token) return null;
  const session = await checkAccessToken(token, 'cookie');
  return session && session.claims.scope === undefined ? session : null;
});

/**
 * For pages: the session, or a redirect to the refresh hop / sign-in with `next` set to `path`.
 * Pages also send Cache-Control: no-store (see middleware.ts), so Back after sign-out shows nothing.
 */
export async function requirePageSession(path: string): Promise<Session> {
  // A page guarded here but missing from the protection table would render without the
  // middleware's no-store and redirect: refuse to serve it at all (a test catches it first).
  if (!isProtectedPage(path)) throw new Error(`${path} calls requirePageSession but is not in PROTECTED_PAGES (lib/auth/http/protection.ts)`);
  const session = await getPageSession();
  if (!session) {
    // A cookie that passed the Edge check but not this one was revoked: signed out elsewhere.
    const requestHeaders = await headers();
    const revoked = !requestHeaders.has('authorization') && Boolean((await cookies()).get(cookieNames(isSecureRequest(requestHeaders, env().APP_URL)).access)?.value);
    redirect(`/login?next=${encodeURIComponent(path)}${revoked ? '&reason=revoked' : ''}`);
  }
  return session;
}

/**
 * For route handlers (pass the Request) and server actions: the session, or a 401 AppError.
 *
 * A personal API token is accepted only where the caller names the scope it needs, and only if
 * the token has it (else 403 insufficient_scope, RFC 6750 §3.1). Everything that names no scope
 * (account changes, minting tokens, signing out everywhere) is for sign-in tokens alone.
 */
export async function requireSession(request?: Request, options: { scope?: ApiScope } = {}): Promise<Session> {
  const session = await getSession(request);
  if (!session) throw (await presentsCredential(request)) ? invalidCredential() : unauthorized();
  // A personal API token, or a sign-in narrowed at the token endpoint: only where the route names
  // a scope the token has.
  if (session.claims.scope !== undefined && (!options.scope || !hasScope(session.claims, options.scope))) {
    throw insufficientScope(options.scope);
  }
  if (isApiToken(session.claims)) await touchApiToken(session.claims.sid);
  return session;
}

function insufficientScope(scope: ApiScope | undefined): AppError {
  const message = scope ? `This token lacks the ${scope} scope.` : 'API tokens cannot be used here; sign in instead.';
  const challenge = `Bearer error="insufficient_scope"${scope ? `, scope="${scope}"` : ''}`;
  return new AppError(403, 'insufficient_scope', message, undefined, { 'WWW-Authenticate': challenge });
}
