// Response helpers for the strong sign-in routes: the relying party of a request, the pending
// second step's cookie, and the short `webauthn` cookie that binds a passkey sign-in attempt.
import 'server-only';
import type { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { appOrigin, readCookie } from './http';
import { relyingParty, WEBAUTHN_CHALLENGE_TTL_SECONDS, WEBAUTHN_COOKIE, type RelyingParty } from './passkeys';
import { mfaCookie, mfaCookieName } from './second-step';

export const PASSKEY_COOKIE_PATH = '/api/auth/passkey';

export function requestRelyingParty(request: Request): RelyingParty {
  return relyingParty(appOrigin(request.url, env().APP_URL));
}

function webauthnCookieName(secure: boolean): string {
  return secure ? `__Secure-${WEBAUTHN_COOKIE}` : WEBAUTHN_COOKIE;
}

export function setWebauthnAttempt(response: NextResponse, attemptId: string, secure: boolean): NextResponse {
  response.cookies.set(webauthnCookieName(secure), attemptId, {
    httpOnly: true,
    secure,
    sameSite: 'strict',
    path: PASSKEY_COOKIE_PATH,
    maxAge: WEBAUTHN_CHALLENGE_TTL_SECONDS,
  });
  return response;
}

export function readWebauthnAttempt(request: Request, secure: boolean): string | undefined {
  return readCookie(request.headers, webauthnCookieName(secure));
}

export function clearWebauthnAttempt(response: NextResponse, secure: boolean): NextResponse {
  response.cookies.set(webauthnCookieName(secure), '', { httpOnly: true, secure, sameSite: 'strict', path: PASSKEY_COOKIE_PATH, maxAge: 0 });
  return response;
}

export function setMfaCookie(response: NextResponse, value: string, secure: boolean): NextResponse {
  const { name, options } = mfaCookie(value, secure);
  response.cookies.set(name, value, options);
  return response;
}

export function clearMfaCookie(response: NextResponse, secure: boolean): NextResponse {
  const { name, options } = mfaCookie('', secure, 0);
  response.cookies.set(name, '', options);
  return response;
}

export function readMfaCookie(request: Request, secure: boolean): string | undefined {
  return readCookie(request.headers, mfaCookieName(secure));
}
