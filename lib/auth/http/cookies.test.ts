import { NextResponse } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { tokenLifetime } from '../tokens';
import {
  ACCESS_COOKIE_PATH,
  REFRESH_COOKIE_PATH,
  clearedTokenCookies,
  cookieNames,
  isSecureRequest,
  readCookie,
  readCredential,
  tokenCookies,
} from './cookies';
import { writeCookies } from '../guards';

afterEach(() => {
  delete process.env.AUTH_ACCESS_TTL;
  delete process.env.AUTH_REFRESH_TTL;
  resetEnvForTests();
});

describe('cookie names', () => {
  it('use the __Host- / __Secure- prefixes over HTTPS only', () => {
    expect(cookieNames(true)).toEqual({ access: '__Host-access', refresh: '__Secure-refresh', hint: '__Host-signed-in', hopFailed: '__Host-refresh-failed' });
    expect(cookieNames(false)).toEqual({ access: 'access', refresh: 'refresh', hint: 'signed-in', hopFailed: 'refresh-failed' });
  });
});

describe('tokenCookies', () => {
  const pair = { access: 'AAA.BBB.CCC', refresh: 'RRR.SSS.TTT' };

  for (const secure of [true, false]) {
    it(`are HttpOnly, SameSite=Lax, path-scoped and Max-Age'd (secure=${secure})`, () => {
      const cookies = tokenCookies(pair, secure);
      const names = cookieNames(secure);
      const byName = Object.fromEntries(cookies.map((c) => [c.name, c]));
      expect(byName[names.access]).toMatchObject({
        value: pair.access,
        options: { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: tokenLifetime('access') },
      });
      expect(byName[names.refresh]).toMatchObject({
        value: pair.refresh,
        options: { httpOnly: true, sameSite: 'lax', secure, path: '/api/auth', maxAge: 14 * 24 * 3600 },
      });
      // The hint holds no credential.
      expect(byName[names.hint]!.value).toBe('1');
      for (const cookie of cookies) {
        expect(cookie.options.httpOnly).toBe(true);
        // Browsers drop __Host- cookies that are not Secure with Path=/ (and __Secure- without Secure).
        if (cookie.name.startsWith('__Host-')) expect(cookie.options).toMatchObject({ secure: true, path: '/' });
        if (cookie.name.startsWith('__Secure-')) expect(cookie.options.secure).toBe(true);
      }
    });
  }

  it('Max-Age follows the configured lifetimes', () => {
    process.env.AUTH_ACCESS_TTL = '60';
    process.env.AUTH_REFRESH_TTL = '3600';
    resetEnvForTests();
    const [access, refresh] = tokenCookies(pair, false);
    expect(access!.options.maxAge).toBe(60);
    expect(refresh!.options.maxAge).toBe(3600);
  });

  it('serialise to Set-Cookie headers a browser honours', () => {
    const response = new NextResponse(null);
    writeCookies(response.cookies, tokenCookies(pair, true));
    const lines = response.headers.getSetCookie();
    const access = lines.find((l) => l.startsWith('__Host-access='))!;
    const refresh = lines.find((l) => l.startsWith('__Secure-refresh='))!;
    expect(access).toMatch(/; Path=\/(;|$)/);
    expect(access).toMatch(/; HttpOnly/i);
    expect(access).toMatch(/; Secure/i);
    expect(access).toMatch(/; SameSite=Lax/i);
    expect(access).toContain(`; Max-Age=${tokenLifetime('access')}`);
    expect(access).not.toMatch(/Domain=/i);
    expect(refresh).toMatch(/; Path=\/api\/auth(;|$)/);
    expect(refresh).toMatch(/; Max-Age=1209600/);
  });
});

describe('clearedTokenCookies', () => {
  for (const secure of [true, false]) {
    it(`clear every cookie with the same name and path and Max-Age=0 (secure=${secure})`, () => {
      const set = tokenCookies({ access: 'a', refresh: 'r' }, secure);
      const cleared = clearedTokenCookies(secure);
      expect(cleared.map((c) => [c.name, c.options.path])).toEqual(set.map((c) => [c.name, c.options.path]));
      for (const cookie of cleared) {
        expect(cookie.value).toBe('');
        expect(cookie.options.maxAge).toBe(0);
        expect(cookie.options.secure).toBe(secure);
      }
    });
  }

  it('paths are the documented ones', () => {
    expect(ACCESS_COOKIE_PATH).toBe('/');
    expect(REFRESH_COOKIE_PATH).toBe('/api/auth');
  });
});

describe('readCredential', () => {
  const h = (init: Record<string, string>) => new Headers(init);

  it('reads the access cookie when there is no Authorization header', () => {
    expect(readCredential(h({ cookie: 'theme=dark; access=tok.en.x; refresh=r.r.r' }), false)).toEqual({ via: 'cookie', token: 'tok.en.x' });
    expect(readCredential(h({ cookie: '__Host-access=tok.en.x' }), true)).toEqual({ via: 'cookie', token: 'tok.en.x' });
  });

  it('ignores the unprefixed cookie over HTTPS (a sibling subdomain could have planted it)', () => {
    expect(readCredential(h({ cookie: 'access=planted.by.sibling' }), true)).toEqual({ via: 'none' });
  });

  it('does not confuse similar cookie names or read the refresh cookie as access', () => {
    expect(readCredential(h({ cookie: 'xaccess=a.b.c; access_old=d.e.f; refresh=r.r.r' }), false)).toEqual({ via: 'none' });
    expect(readCookie(h({ cookie: 'a=1;  access = v.w.x ;b=2' }), 'access')).toBe('v.w.x');
  });

  it('Bearer wins and the cookies are ignored', () => {
    expect(readCredential(h({ authorization: 'Bearer bear.er.tok', cookie: 'access=cook.ie.tok' }), false)).toEqual({
      via: 'bearer',
      token: 'bear.er.tok',
    });
    expect(readCredential(h({ authorization: 'bearer bear.er.tok' }), false)).toEqual({ via: 'bearer', token: 'bear.er.tok' });
  });

  it('a bad Authorization header is no credential at all, even with a good cookie beside it', () => {
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'Bearer a b', 'Token abc', 'Bearer a"b', '']) {
      expect(readCredential(h({ authorization, cookie: 'access=cook.ie.tok' }), false), authorization).toEqual({ via: 'none' });
    }
  });

  it('no header, no cookie: none', () => {
    expect(readCredential(new Headers(), false)).toEqual({ via: 'none' });
  });
});

describe('isSecureRequest', () => {
  it('APP_URL decides when set; otherwise the first X-Forwarded-Proto', () => {
    expect(isSecureRequest(new Headers({ 'x-forwarded-proto': 'http' }), 'https://shop.example')).toBe(true);
    expect(isSecureRequest(new Headers({ 'x-forwarded-proto': 'https' }), 'http://localhost:3000')).toBe(false);
    expect(isSecureRequest(new Headers({ 'x-forwarded-proto': 'https, http' }))).toBe(true);
    expect(isSecureRequest(new Headers({ 'x-forwarded-proto': 'http, https' }))).toBe(false);
    expect(isSecureRequest(new Headers())).toBe(false);
  });
});
