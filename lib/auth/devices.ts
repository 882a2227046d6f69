// Known browsers (OWASP "device cookies"): the defence against locking an owner out by guessing.
//
// Every browser sign-in (form or JSON, sign-in or sign-up) sets a `device` cookie holding a random
// browser id and its HMAC (a key derived from AUTH_SECRET), and records a Device(userId,
// browserId) row. When that browser signs in to the same account again, the rate limiter counts
// its failures on a counter of its own (rate-limit.ts): an attacker who exhausted the account's
// counters from elsewhere does not stop the owner signing in from their browser with the right
// password. The token endpoint never reads or sets it (programs have no browser: API tokens).
// The cookie identifies a browser, not a person: it grants nothing on its own.
import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { db } from '@/lib/db';
import { durable } from '@/lib/db/durable';
import { env } from '@/lib/env';
import { isUniqueViolation } from '@/lib/db/errors';
import { readCookie, type CookieToSet } from './http';

/** A year: the cookie and the row live as long as the browser keeps coming back. */
export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 3600;

export function deviceCookieName(secure: boolean): string {
  return secure ? '__Host-device' : 'device';
}

const BROWSER_ID = /^[A-Za-z0-9_-]{22}$/;

function mac(browserId: string): string {
  // A key of its own, derived from AUTH_SECRET, so this MAC can never double as a token signature.
  const key = createHmac('sha256', env().AUTH_SECRET).update('device-cookie-v1').digest();
  return createHmac('sha256', key).update(browserId).digest('base64url');
}

export function signBrowserId(browserId: string): string {
  return `${browserId}.${mac(browserId)}`;
}

/** The browser id in a `device` cookie value, or null when it is missing, malformed or forged. */
export function verifyDeviceCookie(value: string | undefined | null): string | null {
  if (!value || value.length > 100) return null;
  const dot = value.indexOf('.');
  const browserId = value.slice(0, dot);
  if (dot === -1 || !BROWSER_ID.test(browserId)) return null;
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(browserId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? browserId : null;
}

/** The verified browser id a request carries (route handlers). */
export function browserIdOf(headers: Headers, secure: boolean): string | null {
  return verifyDeviceCookie(readCookie(headers, deviceCookieName(secure)));
}

export function deviceCookie(browserId: string, secure: boolean): CookieToSet {
  return {
    name: deviceCookieName(secure),
    value: signBrowserId(browserId),
    options: { httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: DEVICE_COOKIE_MAX_AGE },
  };
}

/**
 * Notes that this browser signed in to this account: keeps its id (or gives it one) and records
 * the Device row. `newForAccount` is true the first time this browser signs in to this account
 * (the "new sign-in from a browser" notice keys on it).
 */
export async function rememberBrowser(input: { userId: string; browserId: string | null; nowMs?: number }): Promise<{ browserId: string; newForAccount: boolean }> {
  const now = new Date(input.nowMs ?? Date.now());
  const browserId = input.browserId ?? randomBytes(16).toString('base64url');
  try {
    const newForAccount = await durable(async (tx) => {
      const { count } = await tx.device.updateMany({ where: { userId: input.userId, browserId }, data: { lastSeenAt: now } });
      if (count > 0) return false;
      await tx.device.create({ data: { userId: input.userId, browserId, firstSeenAt: now, lastSeenAt: now } });
      return true;
    });
    return { browserId, newForAccount };
  } catch (error) {
    // Two sign-ins of one browser at once: the other one recorded it.
    if (isUniqueViolation(error)) return { browserId, newForAccount: false };
    throw error;
  }
}

/**
 * Whether `browserId` has signed in to the account with this email before. One query whatever
 * the address (known or not), so it tells an observer nothing about which addresses exist.
 */
export async function isKnownBrowser(email: string, browserId: string | null): Promise<boolean> {
  if (!browserId) return false;
  const prisma = await db();
  const row = await prisma.device.findFirst({ where: { browserId, user: { email } }, select: { browserId: true } });
  return row !== null;
}

/** Devices unused for a year are forgotten (the scheduled purge). */
export async function purgeStaleDevices(nowMs = Date.now()): Promise<number> {
  const { count } = await durable((tx) => tx.device.deleteMany({ where: { lastSeenAt: { lt: new Date(nowMs - DEVICE_COOKIE_MAX_AGE * 1000) } } }));
  return count;
}
