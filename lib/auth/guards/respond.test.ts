// What the route layer answers with: which posts are plain HTML forms (answered 303, not JSON),
// the 303 itself, and the cookies a browser sign-in sets.
import { NextResponse } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { signToken, uuidv7 } from '@/lib/auth/tokens';
import { resetEnvForTests } from '@/lib/env';
import { isFormPost, seeOther, setSignInCookies } from './respond';

const post = (contentType?: string) =>
  new Request('http://localhost:3000/api/auth/logout', { method: 'POST', headers: contentType ? { 'content-type': contentType } : {} });

afterEach(() => resetEnvForTests());

describe('isFormPost', () => {
  it.each([
    'application/x-www-form-urlencoded',
    'Application/X-WWW-Form-Urlencoded; charset=UTF-8',
    'multipart/form-data; boundary=----x',
  ])('is true for an HTML form: %s', (type) => {
    expect(isFormPost(post(type))).toBe(true);
  });

  it.each([undefined, 'application/json', 'text/plain; application/x-www-form-urlencoded', 'text/plain'])(
    'is false for %s (a script, answered JSON)',
    (type) => {
      expect(isFormPost(post(type))).toBe(false);
    },
  );
});

describe('seeOther', () => {
  it('is a 303 to the path on APP_URL, never cached', () => {
    const response = seeOther(new Request('http://10.0.0.5:8080/api/auth/logout', { method: 'POST' }), '/login?signed_out=1');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('http://localhost:3000/login?signed_out=1');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it("without APP_URL, is on the request's own origin", () => {
    const saved = process.env.APP_URL;
    delete process.env.APP_URL;
    resetEnvForTests();
    try {
      expect(seeOther(new Request('http://127.0.0.1:3100/api/auth/logout', { method: 'POST' }), '/').headers.get('location')).toBe('http://127.0.0.1:3100/');
    } finally {
      process.env.APP_URL = saved;
    }
  });
});

describe('setSignInCookies', () => {
  async function pair() {
    const sid = uuidv7();
    const [access, refresh] = await Promise.all([signToken('access', { sub: 'u', sid }), signToken('refresh', { sub: 'u', sid })]);
    return { access, refresh };
  }
  const names = (response: NextResponse) => response.cookies.getAll().map((cookie) => cookie.name).sort();

  it('sets the token pair, and the device cookie only when the sign-in named a browser', async () => {
    const tokens = await pair();
    expect(names(setSignInCookies(NextResponse.json({}), { tokens }, false))).toEqual(['access', 'refresh', 'signed-in']);
    const withBrowser = setSignInCookies(NextResponse.json({}), { tokens, browser: { browserId: 'A'.repeat(22) } }, false);
    expect(names(withBrowser)).toEqual(['access', 'device', 'refresh', 'signed-in']);
    expect(withBrowser.cookies.get('device')?.value).toMatch(/^A{22}\./);
  });
});
