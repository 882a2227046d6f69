// A sign-in that checked the old password while the owner resets or changes it (SQLite and
// Postgres). The sign-in's bcrypt runs outside any transaction, so the interleavings are staged
// deterministically: the sign-in's check (checkPassword), then the reset or change, then the
// sign-in's write (finishPasswordSignIn / startSession / startSecondStep). The write must be
// refused like a wrong password and leave no Session row; a pending second step opened with the
// old password must not finish after the reset; and with the database holding the rows (an open
// transaction), neither order of a password write and a session write lets a sign-in survive.
import { Secret, TOTP } from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GET as me } from '@/app/api/me/route';
import { changePassword, checkPassword, finishPasswordSignIn, invalidCredentials, resetRateLimitsForTests } from '@/lib/auth/accounts';
import { resetPassword } from '@/lib/auth/email-flows';
import { issueOneTimeToken } from '@/lib/auth/one-time-tokens';
import { startSecondStep } from '@/lib/auth/second-step';
import { issueTokenPair, PasswordChangedDuringSignIn, passwordStillCurrent, rotateRefreshToken, startSession } from '@/lib/auth/sign-ins';
import { clearVerifyMemo, uuidv7 } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { writeTransaction } from '@/lib/shop/transaction';
import { accessCookie, errorBody, makeRequest, parseSetCookie, tokensFrom, type Tokens } from '@/test/auth-requests';
import { api, NO_CONTEXT, signedUp, TEST_PASSWORD } from '@/test/auth-routes';

const NEW_PASSWORD = 'a brand new passphrase';
const meta = { ipAddress: '192.0.2.7', userAgent: 'race-test' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => resetRateLimitsForTests());
afterEach(() => clearVerifyMemo());

/** A reset link's token for the user, as the mail would carry it. */
const resetToken = (userId: string) => writeTransaction((tx) => issueOneTimeToken(tx, { userId, purpose: 'reset_password' }));

const reset = async (userId: string) => resetPassword({ token: await resetToken(userId), password: NEW_PASSWORD, meta });

async function sessionRows(userId: string) {
  return (await db()).session.findMany({ where: { userId }, select: { id: true, revokedAt: true, revokedReason: true } });
}

async function hashOf(userId: string): Promise<string> {
  return (await (await db()).user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })).passwordHash!;
}

const meStatus = async (access: string) => (await me(makeRequest('/api/me', 'GET', { origin: null, cookie: `access=${access}` }), NO_CONTEXT)).status;

/** Refused exactly like a wrong password: same status, code and message. */
async function expectRefusedLikeWrongPassword(promise: Promise<unknown>) {
  const wrong = invalidCredentials();
  await expect(promise).rejects.toMatchObject({ status: wrong.status, code: wrong.code, message: wrong.message });
}

describe('a password sign-in racing a reset or change', () => {
  it('checked before a reset, written after it: refused like a wrong password, no Session row; the owner signs in with the new one', async () => {
    const { email, user, tokens } = await signedUp();
    const checked = await checkPassword({ email, password: TEST_PASSWORD }, meta, null);
    const outcome = await reset(user.id);
    expect(outcome.sessionsEnded).toBe(1);

    await expectRefusedLikeWrongPassword(finishPasswordSignIn(checked, meta, 'program'));
    await expectRefusedLikeWrongPassword(finishPasswordSignIn(checked, meta, 'browser'));
    // Only the sign-up's row exists, and it is revoked by id (what the session check reads).
    const rows = await sessionRows(user.id);
    expect(rows).toEqual([{ id: tokens.accessClaims.sid, revokedAt: expect.any(Date), revokedReason: 'password_reset' }]);
    expect(await (await db()).revokedToken.findUnique({ where: { jti: tokens.accessClaims.sid } })).toMatchObject({ kind: 'session', reason: 'password_reset' });
    expect(await meStatus(tokens.access)).toBe(401);

    const fresh = await checkPassword({ email, password: NEW_PASSWORD }, meta, null);
    const signedIn = await finishPasswordSignIn(fresh, meta, 'program');
    expect(signedIn.mfaRequired).toBeFalsy();
    if (signedIn.mfaRequired) return;
    expect(await meStatus(signedIn.tokens.access.token)).toBe(200);
  });

  it('checked before a password change, written after it: refused; the other sign-ins are revoked by id, the current one stays', async () => {
    const { email, user, tokens } = await signedUp();
    const otherSid = tokensFrom(await api.login({ body: { email, password: TEST_PASSWORD } })).accessClaims.sid;
    const checked = await checkPassword({ email, password: TEST_PASSWORD }, meta, null);
    const changed = await changePassword({ userId: user.id, currentSid: tokens.accessClaims.sid, currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, signOutOthers: true, meta });
    expect(changed.otherSessionsEnded).toBe(1);

    await expectRefusedLikeWrongPassword(finishPasswordSignIn(checked, meta, 'program'));
    const rows = await sessionRows(user.id);
    expect(rows.map((r) => r.id).sort()).toEqual([tokens.accessClaims.sid, otherSid].sort());
    expect(rows.find((r) => r.id === otherSid)).toMatchObject({ revokedReason: 'password_changed' });
    expect(await (await db()).revokedToken.findUnique({ where: { jti: otherSid } })).toMatchObject({ kind: 'session', reason: 'password_changed' });
    expect(await meStatus(tokens.access)).toBe(200);
  });

  it('a refused late sign-in counts like a wrong password and is in the audit trail as a failed sign-in', async () => {
    const { email, user } = await signedUp();
    const checked = await checkPassword({ email, password: TEST_PASSWORD }, meta, null);
    await reset(user.id);
    const before = await (await db()).auditEvent.count({ where: { userId: user.id, type: 'sign_in_failed' } });
    await expectRefusedLikeWrongPassword(finishPasswordSignIn(checked, meta, 'program'));
    await expect.poll(async () => (await db()).auditEvent.count({ where: { userId: user.id, type: 'sign_in_failed' } })).toBe(before + 1);
  });

  it('startSession with a hash that is no longer the account’s writes nothing; passkey and provider sign-ins (no hash) are unaffected', async () => {
    const { user } = await signedUp();
    const old = await hashOf(user.id);
    await reset(user.id);
    await expect(startSession(user.id, meta, { amr: ['pwd'], passwordHash: old })).rejects.toBeInstanceOf(PasswordChangedDuringSignIn);
    expect((await sessionRows(user.id)).filter((r) => r.revokedAt === null)).toEqual([]);
    const passkey = await startSession(user.id, meta, { amr: ['hwk'] });
    expect(await meStatus(passkey.access.token)).toBe(200);
  });

  it('tokens a family of before the reset gets stamped after it still die (revoked by id, not only by tokensValidAfter)', async () => {
    const { user, tokens } = await signedUp();
    await reset(user.id);
    const late = await issueTokenPair(user.id, tokens.accessClaims.sid, Date.now() + 5);
    expect(await meStatus(late.access.token)).toBe(401);
    expect((await rotateRefreshToken(late.refresh.token, Date.now() + 10)).ok).toBe(false);
  });
});

describe('the database decides the order (an open transaction holds the user row)', () => {
  it('a session write waiting behind an uncommitted password write is refused once it commits', async () => {
    const { user } = await signedUp();
    const old = await hashOf(user.id);
    const prisma = await db();
    let late: Promise<unknown> | undefined;
    await prisma.$transaction(
      async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { passwordHash: `${old}-replaced`, tokensValidAfter: new Date() } });
        // The sign-in's write starts while the new hash is uncommitted: on Postgres it waits for
        // the row, on SQLite for the connection; either way it runs after this commits.
        late = startSession(user.id, meta, { amr: ['pwd'], passwordHash: old }).then(
          () => 'signed in',
          (error: unknown) => error,
        );
        await sleep(150);
      },
      { maxWait: 15_000, timeout: 15_000 },
    );
    expect(await late).toBeInstanceOf(PasswordChangedDuringSignIn);
    expect((await sessionRows(user.id)).filter((r) => r.revokedAt === null)).toHaveLength(1); // the sign-up's own
  });

  it('a reset waiting behind a committed-later sign-in still finds and revokes that sign-in', async () => {
    const { user } = await signedUp();
    const old = await hashOf(user.id);
    const token = await resetToken(user.id);
    const prisma = await db();
    const sid = uuidv7();
    let resetting: Promise<{ sessionsEnded: number }> | undefined;
    await prisma.$transaction(
      async (tx) => {
        // What startSession does: the hash check (taking the row), then the row.
        expect(await passwordStillCurrent(tx, user.id, old)).toBe(true);
        await tx.session.create({ data: { id: sid, userId: user.id, userAgent: 'late', lastRefreshedAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000) } });
        resetting = resetPassword({ token, password: NEW_PASSWORD, meta });
        await sleep(150);
      },
      { maxWait: 15_000, timeout: 15_000 },
    );
    const outcome = await resetting!;
    expect(outcome.sessionsEnded).toBe(2);
    expect(await prisma.revokedToken.findUnique({ where: { jti: sid } })).toMatchObject({ kind: 'session', reason: 'password_reset' });
    expect((await sessionRows(user.id)).filter((r) => r.revokedAt === null)).toEqual([]);
  });
});

const codeAt = (secret: string, nowMs: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: nowMs });

/** An account with a confirmed TOTP factor and a verified address (so a reset keeps the factor). */
async function withTotp(tokens: Tokens, userId: string): Promise<string> {
  const { secret } = (await (await api.totpStart({ cookie: accessCookie(tokens) })).json()) as { secret: string };
  expect((await api.totpConfirm({ cookie: accessCookie(tokens), body: { code: codeAt(secret, Date.now()) } })).status).toBe(200);
  await (await db()).user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
  return secret;
}

async function passwordStep(email: string): Promise<string> {
  const response = await api.login({ body: { email, password: TEST_PASSWORD } });
  const value = parseSetCookie(response).get('mfa')?.value;
  if (!value) throw new Error(`no mfa cookie (${response.status})`);
  return `mfa=${value}`;
}

const pendingAttempts = async (userId: string) => (await db()).authChallenge.count({ where: { userId, purpose: 'mfa' } });

describe('a pending second step opened with the old password', () => {
  for (const how of ['reset', 'change'] as const) {
    it(`cannot finish after a password ${how}: the attempt is gone, no session starts`, async () => {
      const { email, user, tokens } = await signedUp();
      const secret = await withTotp(tokens, user.id);
      const mfa = await passwordStep(email);
      expect(await pendingAttempts(user.id)).toBe(1);
      if (how === 'reset') await reset(user.id);
      else await changePassword({ userId: user.id, currentSid: tokens.accessClaims.sid, currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, signOutOthers: false, meta });
      expect(await pendingAttempts(user.id)).toBe(0);
      const live = (await sessionRows(user.id)).filter((r) => r.revokedAt === null).length;

      const late = await api.loginMfa({ cookie: mfa, body: { code: codeAt(secret, Date.now() + 30_000) } });
      expect(late.status).toBe(401);
      expect((await errorBody(late)).error.code).toBe('mfa_challenge_ended');
      expect(parseSetCookie(late).has('access')).toBe(false);
      expect((await sessionRows(user.id)).filter((r) => r.revokedAt === null)).toHaveLength(live);
    });
  }

  it('a password checked before a reset cannot open a second step after it', async () => {
    const { email, user, tokens } = await signedUp();
    await withTotp(tokens, user.id);
    const checked = await checkPassword({ email, password: TEST_PASSWORD }, meta, null);
    await reset(user.id);
    await expectRefusedLikeWrongPassword(finishPasswordSignIn(checked, meta, 'browser'));
    await expect(startSecondStep(user.id, Date.now(), 'pwd', checked.passwordHash)).rejects.toBeInstanceOf(PasswordChangedDuringSignIn);
    expect(await pendingAttempts(user.id)).toBe(0);
  });

  it('still finishes when nothing changed (the right code signs in)', async () => {
    const { email, user, tokens } = await signedUp();
    const secret = await withTotp(tokens, user.id);
    const mfa = await passwordStep(email);
    const done = await api.loginMfa({ cookie: mfa, body: { code: codeAt(secret, Date.now() + 30_000) } });
    expect(done.status).toBe(200);
    expect(parseSetCookie(done).has('access')).toBe(true);
  });
});
