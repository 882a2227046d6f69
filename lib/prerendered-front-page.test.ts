// Who gets the prerendered front page: only a visitor the server knows nothing about, asking for
// `/` itself. Everyone else must get the page rendered per request, or they would see a
// signed-out header over their session, or miss their cart.
import { describe, expect, it } from 'vitest';
import { cookieNames } from '@/lib/auth/http';
import { cartCookieName } from '@/lib/shop/cart-cookie';
import { WELCOME_COOKIE } from '@/lib/format/welcome';
import { TIME_ZONE_COOKIE } from '@/lib/format/time';
import { SCRIPT_HASHES_PLACEHOLDER } from './prerendered-front-page-names.mjs';
import { getsPrerenderedFrontPage, prerenderedFrontPageScriptHashes } from './prerendered-front-page';

const visitor = { method: 'GET', pathname: '/', search: '', cookieNames: (): readonly string[] => [] };

describe('the prerendered front page', () => {
  it('goes to a first visit of /, and to one whose only cookie is the time zone', () => {
    expect(getsPrerenderedFrontPage(visitor)).toBe(true);
    expect(getsPrerenderedFrontPage({ ...visitor, method: 'HEAD' })).toBe(true);
    expect(getsPrerenderedFrontPage({ ...visitor, cookieNames: () => [TIME_ZONE_COOKIE] })).toBe(true);
  });

  it('never goes to a browser that carries a session, a refresh hint, a cart, a welcome or any cookie it does not know', () => {
    for (const secure of [false, true]) {
      const names = cookieNames(secure);
      for (const cookie of [names.access, names.hint, names.hopFailed, cartCookieName(secure), WELCOME_COOKIE, 'some-analytics-cookie']) {
        expect(getsPrerenderedFrontPage({ ...visitor, cookieNames: () => [cookie] }), cookie).toBe(false);
        expect(getsPrerenderedFrontPage({ ...visitor, cookieNames: () => [TIME_ZONE_COOKIE, cookie] }), cookie).toBe(false);
      }
    }
  });

  it('is only `/` with no query, and only for reading', () => {
    expect(getsPrerenderedFrontPage({ ...visitor, search: '?q=mug' })).toBe(false);
    expect(getsPrerenderedFrontPage({ ...visitor, search: '?page=1' })).toBe(false);
    expect(getsPrerenderedFrontPage({ ...visitor, pathname: '/products/aurora-mug' })).toBe(false);
    expect(getsPrerenderedFrontPage({ ...visitor, pathname: '/login' })).toBe(false);
    expect(getsPrerenderedFrontPage({ ...visitor, method: 'POST' })).toBe(false);
  });

  it('needs hashes the build put in: none, or a malformed list, means the page rendered per request', () => {
    const hash = 'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=';
    expect(prerenderedFrontPageScriptHashes(`${hash} ${hash.replace('q', 'Q')}`)).toEqual([hash, hash.replace('q', 'Q')]);
    expect(prerenderedFrontPageScriptHashes(undefined)).toEqual([]);
    expect(prerenderedFrontPageScriptHashes('')).toEqual([]);
    expect(prerenderedFrontPageScriptHashes(SCRIPT_HASHES_PLACEHOLDER)).toEqual([]);
    expect(prerenderedFrontPageScriptHashes(`${hash} 'unsafe-inline'`)).toEqual([]);
    expect(prerenderedFrontPageScriptHashes(`${hash} sha256-short=`)).toEqual([]);
    expect(prerenderedFrontPageScriptHashes(`${hash}' 'unsafe-inline`)).toEqual([]);
  });
});
