// Where tokens are stored in the browser. The cookie is only storage; the token is the credential.
//
// Runtime-neutral: the middleware reads these names, route handlers and actions write them.
// Over HTTPS the names carry browser-enforced prefixes:
//   __Host-  (access): Secure, Path=/, no Domain, so a sibling subdomain cannot plant or overwrite it;
//   __Secure- (refresh): Secure; it keeps Path=/api/auth so pages never receive it.
import { tokenLifetime } from '../tokens';

export const ACCESS_COOKIE_PATH = '/';
export const REFRESH_COOKIE_PATH = '/api/auth';

export interface CookieNames {
  access: string;
  refresh: string;
  /**
   * `1` while a refresh cookie should exist. The refresh cookie is invisible outside /api/auth,
   * so this lets the middleware send a browser whose access token lapsed through the refresh hop
   * (on any page, so the header stays signed in), and send a signed-out visitor straight to
   * /login. It holds no credential: forging it buys one wasted redirect.
   */
  hint: string;
  /**
   * Set for a minute by a refresh hop that failed. While present the middleware sends nobody
   * through the hop again, so a hint cookie the app cannot clear (one planted with another Path
   * by a sibling host or port over HTTP) costs at most one hop per navigation, never a loop.
   */
  hopFailed: string;
}

export function cookieNames(secure: boolean): CookieNames {
  return secure
    ? { access: '__Host-access', refresh: '__Secure-refresh', hint: '__Host-signed-in', hopFailed: '__Host-refresh-failed' }
    : { access: 'access', refresh: 'refresh', hint: 'signed-in', hopFailed: 'refresh-failed' };
}

/** How long a failed refresh hop holds off the next one. */
export const HOP_FAILED_MAX_AGE = 60;

/** The marker a failed refresh hop leaves (see CookieNames.hopFailed). */
export function hopFailedCookie(secure: boolean): CookieToSet {
  return cookie(cookieNames(secure).hopFailed, '1', ACCESS_COOKIE_PATH, HOP_FAILED_MAX_AGE, secure);
}

export interface CookieToSet {
  name: string;
  value: string;
  options: {
    httpOnly: true;
    secure: boolean;
    sameSite: 'lax';
    path: string;
    maxAge: number;
  };
}

function cookie(name: string, value: string, path: string, maxAge: number, secure: boolean): CookieToSet {
  return { name, value, options: { httpOnly: true, secure, sameSite: 'lax', path, maxAge } };
}

/** The Set-Cookie instructions for a freshly issued pair. Max-Age follows each token. */
export function tokenCookies(tokens: { access: string; refresh: string }, secure: boolean): CookieToSet[] {
  const names = cookieNames(secure);
  return [
    cookie(names.access, tokens.access, ACCESS_COOKIE_PATH, tokenLifetime('access'), secure),
    cookie(names.refresh, tokens.refresh, REFRESH_COOKIE_PATH, tokenLifetime('refresh'), secure),
    cookie(names.hint, '1', ACCESS_COOKIE_PATH, tokenLifetime('refresh'), secure),
  ];
}

/** Same names and paths with Max-Age=0: the browser drops them all. */
export function clearedTokenCookies(secure: boolean): CookieToSet[] {
  const names = cookieNames(secure);
  return [
    cookie(names.access, '', ACCESS_COOKIE_PATH, 0, secure),
    cookie(names.refresh, '', REFRESH_COOKIE_PATH, 0, secure),
    cookie(names.hint, '', ACCESS_COOKIE_PATH, 0, secure),
  ];
}

/**
 * Whether this request reached the app over HTTPS. APP_URL decides when it is set; otherwise
 * the proxy's X-Forwarded-Proto (Next fills it in from the socket when there is no proxy), or
 * the request URL itself when there is one. A client that lies here only gets Secure cookies
 * its browser will not send back over HTTP.
 */
export function isSecureRequest(headers: Headers, appUrl?: string, requestUrl?: string): boolean {
  if (appUrl) return new URL(appUrl).protocol === 'https:';
  if ((headers.get('x-forwarded-proto') ?? '').split(',')[0]?.trim() === 'https') return true;
  return requestUrl !== undefined && new URL(requestUrl).protocol === 'https:';
}

/** Reads one cookie from a raw Cookie header (for code that has only Headers). */
export function readCookie(headers: Headers, name: string): string | undefined {
  const raw = headers.get('cookie');
  if (!raw) return undefined;
  for (const part of raw.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The credential a request carries. A request with an Authorization header is authenticated by
 * that header alone and its cookies are ignored (so a script cannot borrow a browser's session,
 * and CSRF rules apply only to cookie requests). Only the Bearer scheme is understood.
 */
export type Credential = { via: 'bearer'; token: string } | { via: 'cookie'; token: string } | { via: 'none' };

export function readCredential(headers: Headers, secure: boolean): Credential {
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    // RFC 6750's b64token after the scheme. A literal here, not a module constant, so that
    // mutation testing (which reruns the tests that reach a line) can judge the pattern.
    const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(authorization);
    return match ? { via: 'bearer', token: match[1]! } : { via: 'none' };
  }
  const token = readCookie(headers, cookieNames(secure).access);
  return token ? { via: 'cookie', token } : { via: 'none' };
}
