// The sign-in counters at their edges, through the real login and sign-up handlers and the
// database store, behind a trusted proxy (TRUST_PROXY: the client address is known):
//   - the limit is exact: after N failures even the right password is refused, after N - 1 it is
//     not (a `<=` would give the attacker one more guess, and the wrong-password answer alone
//     cannot tell: that last consume is refused either way);
//   - the per-account counter still counts when every guess comes from a new address;
//   - sign-up is throttled per address;
//   - a successful sign-in clears only its own account-and-address counter: an attacker cannot
//     reset the per-address or per-account counters by signing in to an account of their own.
// Every test uses addresses and accounts of its own (random), so counts left by other tests in
// the same database cannot matter.
import { randomInt } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as login } from '@/app/api/auth/login/route';
import { POST as signup } from '@/app/api/auth/signup/route';
import { resetEnvForTests } from '@/lib/env';
import { makeRequest, uniqueEmail } from '@/test/auth-requests';
import { RATE_LIMITS, resetRateLimitsForTests } from './rate-limit';

const ctx = {} as never;
const PASSWORD = 'correct horse battery';
const WRONG = 'not the password at all';

/** A random private address: no other test (or run) shares its counters. */
const newAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

const signIn = (email: string, password: string, address: string) =>
  login(makeRequest('/api/auth/login', 'POST', { body: { email, password }, headers: { 'x-forwarded-for': address } }), ctx);

const signUp = (email: string, address: string) =>
  signup(makeRequest('/api/auth/signup', 'POST', { body: { email, password: PASSWORD, name: 'Counter' }, headers: { 'x-forwarded-for': address } }), ctx);

async function account(): Promise<string> {
  const email = uniqueEmail('count');
  expect((await signUp(email, newAddress())).status).toBe(201);
  return email;
}

// Dozens of bcrypt checks a test (cost 4): generous time on a loaded machine.
const MANY = 120_000;

beforeAll(() => {
  process.env.TRUST_PROXY = 'true';
  resetEnvForTests();
});
afterAll(() => {
  delete process.env.TRUST_PROXY;
  resetEnvForTests();
});
beforeEach(() => resetRateLimitsForTests());

describe('the limit is exact', () => {
  it(`after ${RATE_LIMITS.accountAndAddress.points} failures from one address, the right password from there is refused too`, async () => {
    expect(RATE_LIMITS.accountAndAddress.points).toBe(5);
    const email = await account();
    const address = newAddress();
    for (let i = 0; i < 5; i++) expect((await signIn(email, WRONG, address)).status).toBe(401);
    const right = await signIn(email, PASSWORD, address);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
  }, MANY);

  it('after one failure fewer, the right password still signs in', async () => {
    const email = await account();
    const address = newAddress();
    for (let i = 0; i < 4; i++) expect((await signIn(email, WRONG, address)).status).toBe(401);
    expect((await signIn(email, PASSWORD, address)).status).toBe(200);
  }, MANY);
});

describe('IPv6: one client holds a whole /64', () => {
  /** A random /64 of the documentation range, and a fresh address inside it each call. */
  const newNetwork = () => {
    const prefix = `2001:db8:${randomInt(0xffff).toString(16)}:${randomInt(0xffff).toString(16)}`;
    return () => `${prefix}:${randomInt(0xffff).toString(16)}:${randomInt(0xffff).toString(16)}:${randomInt(0xffff).toString(16)}:${randomInt(1, 0xffff).toString(16)}`;
  };

  it('guesses from a new address of the same /64 each time count as one address; another /64 still signs in', async () => {
    const email = await account();
    const inNetwork = newNetwork();
    for (let i = 0; i < RATE_LIMITS.accountAndAddress.points; i++) expect((await signIn(email, WRONG, inNetwork())).status).toBe(401);
    expect((await signIn(email, PASSWORD, inNetwork())).status).toBe(429);
    expect((await signIn(email, PASSWORD, newNetwork()())).status).toBe(200);
  }, MANY);

  it('sign-ups from rotating addresses of one /64 share its limit', async () => {
    const inNetwork = newNetwork();
    for (let i = 0; i < RATE_LIMITS.signupAddress.points; i++) expect((await signUp(uniqueEmail('v6'), inNetwork())).status).toBe(201);
    expect((await signUp(uniqueEmail('v6'), inNetwork())).status).toBe(429);
  }, MANY);
});

describe('the per-account counter', () => {
  it(`counts guesses spread over ${RATE_LIMITS.account.points} addresses, one each, and then refuses the right password from a new one`, async () => {
    expect(RATE_LIMITS.account.points).toBe(20);
    const email = await account();
    for (let i = 0; i < 20; i++) expect((await signIn(email, WRONG, newAddress())).status).toBe(401);
    expect((await signIn(email, PASSWORD, newAddress())).status).toBe(429);
  }, MANY);

  it('is not cleared by the owner signing in from elsewhere', async () => {
    const email = await account();
    for (let i = 0; i < 19; i++) expect((await signIn(email, WRONG, newAddress())).status).toBe(401);
    expect((await signIn(email, PASSWORD, newAddress())).status).toBe(200);
    expect((await signIn(email, WRONG, newAddress())).status).toBe(401); // the 20th failure
    expect((await signIn(email, PASSWORD, newAddress())).status).toBe(429);
  }, MANY);
});

describe('sign-up', () => {
  it(`allows ${RATE_LIMITS.signupAddress.points} sign-ups an hour from one address, then 429; another address is not affected`, async () => {
    expect(RATE_LIMITS.signupAddress.points).toBe(20);
    const address = newAddress();
    for (let i = 0; i < 20; i++) expect((await signUp(uniqueEmail('burst'), address)).status).toBe(201);
    const refused = await signUp(uniqueEmail('burst'), address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await signUp(uniqueEmail('burst'), newAddress())).status).toBe(201);
  }, MANY);
});

describe('a successful sign-in clears only its own account-and-address counter', () => {
  it('an attacker signing in to their own account does not reset the per-address counter', async () => {
    expect(RATE_LIMITS.address.points).toBe(50);
    const attacker = await account();
    const address = newAddress();
    // 49 guesses, each at another account (unknown ones count the same as real ones).
    for (let i = 0; i < 49; i++) expect((await signIn(uniqueEmail('spray'), WRONG, address)).status).toBe(401);
    expect((await signIn(attacker, PASSWORD, address)).status).toBe(200);
    expect((await signIn(uniqueEmail('spray'), WRONG, address)).status).toBe(401); // the 50th
    expect((await signIn(uniqueEmail('spray'), WRONG, address)).status).toBe(429);
    expect((await signIn(attacker, PASSWORD, address)).status).toBe(429);
  }, MANY);

  it('the owner’s success from one address clears that pair: four more guesses from there are allowed', async () => {
    const email = await account();
    const address = newAddress();
    for (let i = 0; i < 4; i++) expect((await signIn(email, WRONG, address)).status).toBe(401);
    expect((await signIn(email, PASSWORD, address)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signIn(email, WRONG, address)).status).toBe(401);
    expect((await signIn(email, PASSWORD, address)).status).toBe(200);
  }, MANY);
});

describe('blocks and known browsers', () => {
  it('the per-account counter blocks for its 5 minutes, not for the rest of its 15-minute window', async () => {
    expect(RATE_LIMITS.account).toMatchObject({ duration: 900, blockDuration: 300 });
    const email = await account();
    for (let i = 0; i < 20; i++) await signIn(email, WRONG, newAddress());
    const blocked = await signIn(email, PASSWORD, newAddress());
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(290);
    expect(retryAfter).toBeLessThanOrEqual(300);
  }, MANY);

  it('a known browser’s success clears its own counter: the owner may mistype again afterwards', async () => {
    expect(RATE_LIMITS.knownBrowser.points).toBe(10);
    const email = uniqueEmail('browser');
    const created = await signUp(email, newAddress());
    const device = created.headers.getSetCookie().find((c) => c.startsWith('device='))!.split(';')[0]!;
    const fromBrowser = (password: string) =>
      login(makeRequest('/api/auth/login', 'POST', { body: { email, password }, cookie: device, headers: { 'x-forwarded-for': newAddress() } }), ctx);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 9; i++) expect((await fromBrowser(WRONG)).status).toBe(401);
      expect((await fromBrowser(PASSWORD)).status).toBe(200);
    }
  }, MANY);
});

describe('the counters a known browser and an unknown address use', () => {
  it('a known browser counts on its own counter: 10 failures lock that browser, the account signs in elsewhere', async () => {
    const email = uniqueEmail('own-counter');
    const created = await signUp(email, newAddress());
    const device = created.headers.getSetCookie().find((c) => c.startsWith('device='))!.split(';')[0]!;
    const fromBrowser = (password: string) =>
      login(makeRequest('/api/auth/login', 'POST', { body: { email, password }, cookie: device, headers: { 'x-forwarded-for': newAddress() } }), ctx);
    for (let i = 0; i < 10; i++) expect((await fromBrowser(WRONG)).status).toBe(401);
    expect((await fromBrowser(PASSWORD)).status).toBe(429);
    expect((await signIn(email, PASSWORD, newAddress())).status).toBe(200);
  }, MANY);

  it('without a trusted proxy nobody shares an address bucket: 5 failures on one account do not lock it', async () => {
    delete process.env.TRUST_PROXY;
    resetEnvForTests();
    try {
      const email = await account();
      for (let i = 0; i < 5; i++) expect((await signIn(email, WRONG, newAddress())).status).toBe(401);
      expect((await signIn(email, PASSWORD, newAddress())).status).toBe(200);
    } finally {
      process.env.TRUST_PROXY = 'true';
      resetEnvForTests();
    }
  }, MANY);
});

describe('a lock-out is not extended by knocking', () => {
  afterEach(() => vi.useRealTimers());

  it('ten minutes into a 15-minute lock, another attempt is told the 5 minutes that are left, not 15 more', async () => {
    expect(RATE_LIMITS.accountAndAddress).toMatchObject({ duration: 900, blockDuration: 900 });
    const email = await account();
    const address = newAddress();
    // Only Date moves: the counters' expiry times are computed from it; timers stay real.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    for (let i = 0; i < 5; i++) expect((await signIn(email, WRONG, address)).status).toBe(401);
    vi.setSystemTime(Date.now() + 10 * 60_000);
    const knock = await signIn(email, PASSWORD, address);
    expect(knock.status).toBe(429);
    const retryAfter = Number(knock.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(290);
    expect(retryAfter).toBeLessThanOrEqual(300);
  }, MANY);
});
