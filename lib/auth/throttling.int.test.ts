// Lock-out, load and leaks, through the real handlers and database (SQLite and Postgres):
// known browsers keep the owner signing in while the account is throttled for everyone else,
// attempt counts outlive the process, the bcrypt queue sheds load with 503 + Retry-After, a
// failed sign-in writes nothing before its answer, the /learn oracle is throttled and hands out
// no token, and auth writes survive a flood of failing transactions on SQLite's shared connection.
import { inject } from 'vitest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POST as login } from '@/app/api/auth/login/route';
import { POST as reauth } from '@/app/api/auth/reauth/route';
import { POST as signup } from '@/app/api/auth/signup/route';
import { POST as token } from '@/app/api/auth/token/route';
import { POST as verify } from '@/app/api/learn/verify/route';
import { queuedAfterResponse, settleAfterResponse } from '@/lib/after-response';
import { recordAuditEvent } from '@/lib/audit';
import { changePassword } from '@/lib/auth/accounts';
import { deviceCookieName, rememberBrowser, signBrowserId } from '@/lib/auth/devices';
import { clearVerifyMemo } from '@/lib/auth/tokens';
import { RATE_LIMITS, resetRateLimitsForTests } from '@/lib/auth/accounts';
import { rotateRefreshToken, startSession } from '@/lib/auth/sign-ins';
import { db } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { writeTransaction } from '@/lib/shop/transaction';
import { APP, accessCookie, makeRequest, parseSetCookie, tokensFrom, uniqueEmail } from '@/test/auth-requests';

const ctx = {} as never;
const PASSWORD = 'correct horse battery';
const meta = { ipAddress: null, userAgent: 'vitest' };

async function signedUpWithDevice() {
  const email = uniqueEmail('known');
  const response = await signup(makeRequest('/api/auth/signup', 'POST', { body: { email, password: PASSWORD, name: 'Owner' } }), ctx);
  expect(response.status).toBe(201);
  const device = parseSetCookie(response).get(deviceCookieName(false));
  expect(device?.attributes).toMatchObject({ httponly: true, samesite: 'lax', path: '/', 'max-age': String(365 * 24 * 3600) });
  const { user } = (await response.json()) as { user: { id: string } };
  return { email, user, tokens: tokensFrom(response), deviceCookie: `${deviceCookieName(false)}=${device!.value}` };
}

const attempt = (email: string, password: string, cookie?: string) =>
  login(makeRequest('/api/auth/login', 'POST', { body: { email, password }, ...(cookie ? { cookie } : {}) }), ctx);

async function exhaustAccount(email: string) {
  for (let i = 0; i < RATE_LIMITS.account.points; i++) await attempt(email, 'wrong password guess');
}

beforeEach(() => resetRateLimitsForTests());
afterEach(async () => {
  for (const name of ['BCRYPT_QUEUE_MAX', 'BCRYPT_COST']) delete process.env[name];
  resetEnvForTests();
  clearVerifyMemo();
  await settleAfterResponse();
});

// Twenty-odd sign-ins a test: generous time on a loaded machine.
const MANY_SIGN_INS = 120_000;

describe('known browsers: guessing from elsewhere cannot lock the owner out', () => {
  it('with the account throttled, the owner’s browser still signs in with the right password; others stay blocked', async () => {
    const { email, deviceCookie, user, tokens } = await signedUpWithDevice();
    await exhaustAccount(email);
    expect((await attempt(email, PASSWORD)).status).toBe(429);
    const forged = `${deviceCookieName(false)}=${signBrowserId('AAAAAAAAAAAAAAAAAAAAAA').slice(0, -2)}xx`;
    expect((await attempt(email, PASSWORD, forged)).status).toBe(429);
    const grant = await token(new Request(`${APP}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', username: email, password: PASSWORD }).toString(),
    }));
    expect(grant.status).toBe(429);

    const owner = await attempt(email, PASSWORD, deviceCookie);
    expect(owner.status).toBe(200);
    // The same browser keeps its id; the token endpoint never sets one.
    expect(parseSetCookie(owner).get(deviceCookieName(false))?.value).toBe(deviceCookie.split('=')[1]);
    expect(grant.headers.getSetCookie()).toEqual([]);

    // Change-password counts on its own counter, not on the exhausted sign-in ones.
    await expect(
      changePassword({ userId: user.id, currentSid: tokens.accessClaims.sid, currentPassword: PASSWORD, newPassword: 'a new long secret', signOutOthers: false, meta }),
    ).resolves.toMatchObject({ otherSessionsEnded: 0 });
  }, MANY_SIGN_INS);

  it('a known browser has a small counter of its own', async () => {
    const { email, deviceCookie } = await signedUpWithDevice();
    for (let i = 0; i < RATE_LIMITS.knownBrowser.points; i++) expect((await attempt(email, 'wrong guess!', deviceCookie)).status).toBe(401);
    expect((await attempt(email, PASSWORD, deviceCookie)).status).toBe(429);
    // ...which the owner's other browsers do not share.
    expect((await attempt(email, PASSWORD)).status).toBe(200);
  }, MANY_SIGN_INS);

  it('rememberBrowser records each (account, browser) once and says when it is new', async () => {
    const { user } = await signedUpWithDevice();
    const first = await rememberBrowser({ userId: user.id, browserId: null });
    expect(first.newForAccount).toBe(true);
    expect(await rememberBrowser({ userId: user.id, browserId: first.browserId })).toEqual({ browserId: first.browserId, newForAccount: false });
    expect(await (await db()).device.count({ where: { userId: user.id } })).toBe(2); // sign-up's browser and this one
  });

  it('attempt counts live in the database: a restart (new limiter objects) still sees them', async () => {
    const { email } = await signedUpWithDevice();
    await exhaustAccount(email);
    resetRateLimitsForTests();
    expect((await attempt(email, PASSWORD)).status).toBe(429);
    const row = await (await db()).rateLimit.findUnique({ where: { key: `${RATE_LIMITS.account.keyPrefix}:${email}` } });
    expect(row?.points).toBeGreaterThanOrEqual(RATE_LIMITS.account.points);
  }, MANY_SIGN_INS);
});

describe('step-up with the password: counted per sign-in', () => {
  const confirm = (cookie: string, password: string) => reauth(makeRequest('/api/auth/reauth', 'POST', { cookie, body: { password } }), ctx);

  it('guesses at the sign-in form from elsewhere do not block the signed-in owner’s step-up', async () => {
    const { email, tokens } = await signedUpWithDevice();
    await exhaustAccount(email);
    expect((await attempt(email, PASSWORD)).status).toBe(429);
    expect((await confirm(accessCookie(tokens), PASSWORD)).status).toBe(200);
  }, MANY_SIGN_INS);

  it('a stolen session gets 5 guesses, shared with change-password’s current password; the owner’s other sign-ins keep theirs', async () => {
    const { email, user, tokens } = await signedUpWithDevice();
    const stolen = accessCookie(tokens);
    await expect(
      changePassword({ userId: user.id, currentSid: tokens.accessClaims.sid, currentPassword: 'a wrong guess', newPassword: 'a new long secret', signOutOthers: false, meta }),
    ).rejects.toMatchObject({ status: 400 });
    const statuses = [];
    for (let i = 1; i < RATE_LIMITS.signedInPassword.points; i++) statuses.push((await confirm(stolen, `wrong guess ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    // The fifth guess was the last: now even the right password is refused.
    const blocked = await confirm(stolen, PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);

    // The owner's own browser: another sign-in, its own count, and the sign-in form still works.
    const owner = tokensFrom(await attempt(email, PASSWORD));
    expect((await confirm(accessCookie(owner), PASSWORD)).status).toBe(200);
  }, MANY_SIGN_INS);
});

describe('load shedding', () => {
  it('a full bcrypt queue answers sign-up and sign-in with 503 and Retry-After, never a 500', async () => {
    process.env.BCRYPT_QUEUE_MAX = '1';
    process.env.BCRYPT_COST = '10';
    resetEnvForTests();
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        signup(makeRequest('/api/auth/signup', 'POST', { body: { email: uniqueEmail('burst'), password: PASSWORD, name: 'Burst' } }), ctx),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
    const shed = responses.filter((r) => r.status === 503);
    expect(shed.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 201 || s === 503)).toBe(true);
    for (const r of shed) expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await shed[0]!.json()) as { error: { code: string } }).error.code).toBe('busy');
  });
});

describe('a failed sign-in writes nothing before its answer', () => {
  it('the audit row of a known address is written after the response', async () => {
    const { email, user } = await signedUpWithDevice();
    const failed = () => db().then((p) => p.auditEvent.count({ where: { userId: user.id, type: 'sign_in_failed' } }));
    const queuedBefore = queuedAfterResponse();
    const response = await attempt(email, 'not the password');
    expect(response.status).toBe(401);
    // Handed to afterResponse (Next's after(): run once the answer is sent), not awaited inline.
    expect(queuedAfterResponse()).toBe(queuedBefore + 1);
    await settleAfterResponse();
    expect(await failed()).toBe(1);
  });
});

describe('/api/learn/verify', () => {
  it('answers the verdict alone (no token, no signature) and is throttled per user', async () => {
    const { tokens } = await signedUpWithDevice();
    const call = (payload: Record<string, unknown>) =>
      verify(makeRequest('/api/learn/verify', 'POST', { cookie: accessCookie(tokens), body: { payload } }), ctx);
    const forged = await call({ sub: 'someone-else' });
    expect(forged.status).toBe(200);
    const body = (await forged.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['changed', 'explanation', 'reason', 'valid']);
    expect(JSON.stringify(body)).not.toContain(tokens.access.split('.')[2]!);
    for (let i = 1; i < RATE_LIMITS.learnVerify.points; i++) expect((await call({ sub: `x${i}` })).status).toBe(200);
    const limited = await call({ sub: 'one too many' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });
});

describe('auth writes under a flood of failing transactions', () => {
  it('sessions, rotations, devices, audit rows and counters all survive (SQLite shares one connection)', async () => {
    const { user, email } = await signedUpWithDevice();
    const prisma = await db();
    const product = await prisma.product.findFirstOrThrow({ select: { id: true } });
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // Transactions that write, wait, and fail: a bare write issued meanwhile would join them.
    const flood = Array.from({ length: 30 }, async (_, i) => {
      await sleep(i * 3);
      await writeTransaction(async (tx) => {
        await tx.product.update({ where: { id: product.id }, data: { stock: { decrement: 1 } } });
        await sleep(15);
        throw new Error('checkout failed on purpose');
      }).catch(() => undefined);
    });
    const work = (async () => {
      const pairs = [];
      for (let i = 0; i < 6; i++) {
        await sleep(7);
        pairs.push(await startSession(user.id, meta));
      }
      const rotated = await rotateRefreshToken(pairs[0]!.refresh.token);
      const device = await rememberBrowser({ userId: user.id, browserId: null });
      await recordAuditEvent({ userId: user.id, type: 'sign_in', detail: 'flood' });
      await attempt(email, 'a wrong guess');
      return { pairs, rotated, device };
    })();
    const [{ pairs, rotated, device }] = await Promise.all([work, ...flood]);
    const sids = pairs.map((p) => p.access.claims.sid);
    expect(await prisma.session.count({ where: { id: { in: sids } } })).toBe(sids.length);
    expect(rotated.ok).toBe(true);
    expect(await prisma.revokedToken.findUnique({ where: { jti: pairs[0]!.refresh.claims.jti } })).toMatchObject({ reason: 'rotated' });
    expect(await prisma.device.findUnique({ where: { userId_browserId: { userId: user.id, browserId: device.browserId } } })).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { userId: user.id, detail: 'flood' } })).toBe(1);
    expect(await prisma.rateLimit.findUnique({ where: { key: `${RATE_LIMITS.account.keyPrefix}:${email}` } })).not.toBeNull();
    expect(inject('databaseProvider')).toMatch(/sqlite|postgres/);
  });
});
