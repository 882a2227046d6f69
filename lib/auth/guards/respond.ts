// Glue between route handlers and the token lifecycle: request facts and the cookies to set.
import 'server-only';
import { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { requestMeta, type RequestMeta } from '../http';
import { clearedTokenCookies, cookieNames, isSecureRequest, readCookie, tokenCookies, type CookieToSet } from '../http';
import type { TokenPair } from '../sign-ins';
import { deviceCookie } from '../devices';

export interface RequestFacts {
  secure: boolean;
  /** The client's address (meta.ipAddress, when a trusted proxy vouches for it) and user agent. */
  meta: RequestMeta;
}

export function requestFacts(request: Request): RequestFacts {
  const config = env();
  return {
    secure: isSecureRequest(request.headers, config.APP_URL, request.url),
    meta: requestMeta(request.headers, config.TRUST_PROXY),
  };
}

/** Anything with Next's cookie-setting signature: NextResponse.cookies or cookies() in an action. */
export interface CookieWriter {
  set(name: string, value: string, options: CookieToSet['options']): unknown;
}

export function writeCookies(target: CookieWriter, cookies: CookieToSet[]): void {
  for (const { name, value, options } of cookies) target.set(name, value, options);
}

export function setSessionCookies(response: NextResponse, tokens: TokenPair, secure: boolean): NextResponse {
  writeCookies(response.cookies, tokenCookies({ access: tokens.access.token, refresh: tokens.refresh.token }, secure));
  return response;
}

/** Cookies of a browser sign-in: the pair, and the `device` cookie when the sign-in named a browser. */
export function setSignInCookies(response: NextResponse, signedIn: { tokens: TokenPair; browser?: { browserId: string } }, secure: boolean): NextResponse {
  setSessionCookies(response, signedIn.tokens, secure);
  if (signedIn.browser) writeCookies(response.cookies, [deviceCookie(signedIn.browser.browserId, secure)]);
  return response;
}

export function clearSessionCookies(response: NextResponse, secure: boolean): NextResponse {
  writeCookies(response.cookies, clearedTokenCookies(secure));
  return response;
}

/** The raw access and refresh cookies of a request (the refresh one only reaches /api/auth/*). */
export function sessionCookies(request: Request, secure: boolean): { access?: string; refresh?: string } {
  const names = cookieNames(secure);
  return { access: readCookie(request.headers, names.access), refresh: readCookie(request.headers, names.refresh) };
}

/** A plain HTML form post (no JavaScript involved): answered with a redirect, not JSON. */
export function isFormPost(request: Request): boolean {
  const contentType = request.headers.get('content-type');
  // Stryker disable next-line StringLiteral: without a Content-Type, any fallback that is not a form type answers the same
  const type = (contentType ?? '').toLowerCase();
  return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
}

/** 303 to a same-origin path: the browser loads it with a GET, a full page load. */
export function seeOther(request: Request, path: string): NextResponse {
  const base = env().APP_URL ?? new URL(request.url).origin;
  return NextResponse.redirect(new URL(path, base), { status: 303, headers: { 'Cache-Control': 'no-store' } });
}
