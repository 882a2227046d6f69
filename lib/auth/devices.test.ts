// The signed `device` cookie: what it holds, and that nothing but our own signature is accepted.
import { describe, expect, it } from 'vitest';
import { DEVICE_COOKIE_MAX_AGE, deviceCookie, deviceCookieName, signBrowserId, verifyDeviceCookie } from './devices';

const ID = 'AbCdEfGhIjKlMnOpQrStUv';

describe('device cookie', () => {
  it('round-trips a browser id signed by this server', () => {
    expect(verifyDeviceCookie(signBrowserId(ID))).toBe(ID);
  });

  it('refuses a forged, swapped, truncated or oversized value', () => {
    const good = signBrowserId(ID);
    const other = signBrowserId('ZyXwVuTsRqPoNmLkJiHgFe');
    for (const bad of [
      `${ID}.${'A'.repeat(43)}`,
      `${ID}.${other.split('.')[1]}`,
      good.slice(0, -1),
      `${ID}`,
      `../../${good}`,
      'x'.repeat(200),
      '',
      null,
      undefined,
    ]) {
      expect(verifyDeviceCookie(bad), String(bad)).toBeNull();
    }
  });

  it('is httpOnly, SameSite=Lax, Path=/, a year long, and __Host- over HTTPS', () => {
    for (const secure of [true, false]) {
      const cookie = deviceCookie(ID, secure);
      expect(cookie.name).toBe(deviceCookieName(secure));
      expect(cookie.options).toEqual({ httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: DEVICE_COOKIE_MAX_AGE });
    }
    expect(deviceCookieName(true)).toBe('__Host-device');
    expect(DEVICE_COOKIE_MAX_AGE).toBe(365 * 24 * 3600);
  });
});
