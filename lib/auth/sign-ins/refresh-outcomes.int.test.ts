// Every answer refresh rotation can give, each for the reason a user would see (the refresh route
// words its 401 by it, and the sign-in page says "signed out elsewhere" for `revoked`), and the
// edges of the one-live-branch rule: the grace window to the millisecond, a token two rotations
// old, and a second branch that was never the family's live token. Real tokens and database.
import { afterEach, describe, expect, it } from 'vitest';
import { clearVerifyMemo } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { env, resetEnvForTests } from '@/lib/env';
import { createUser } from '@/test/shop-data';
import { issueTokenPair, rotateRefreshToken, signOut, startSession } from './lifecycle';

afterEach(() => clearVerifyMemo());

async function rotated(token: string, nowMs?: number) {
  const outcome = await rotateRefreshToken(token, nowMs);
  if (!outcome.ok) throw new Error(`rotation refused: ${outcome.reason}`);
  return outcome.tokens;
}

const familyRevoked = async (sid: string) => (await (await db()).revokedToken.findUnique({ where: { jti: sid } }))?.reason ?? null;

/** How many "old sign-in token presented again" alarms the owner's activity shows. */
const reuseAlarms = async (userId: string) => (await db()).auditEvent.count({ where: { userId, type: 'refresh_reuse' } });

describe('a refused rotation says why', () => {
  it('expired: a refresh token past its exp (and the clock tolerance)', async () => {
    const { id } = await createUser();
    const pair = await startSession(id);
    expect(await rotateRefreshToken(pair.refresh.token, (pair.refresh.claims.exp + 6) * 1000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('invalid: not a token, an access token, or a token of an account that is gone', async () => {
    const { id } = await createUser();
    const pair = await startSession(id);
    expect(await rotateRefreshToken('not-a-token')).toEqual({ ok: false, reason: 'invalid' });
    expect(await rotateRefreshToken(pair.access.token)).toEqual({ ok: false, reason: 'invalid' });
    await (await db()).user.delete({ where: { id } });
    expect(await rotateRefreshToken(pair.refresh.token)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('revoked: after "sign out everywhere" (tokensValidAfter), and when the family was ended', async () => {
    const { id } = await createUser();
    const prisma = await db();
    const everywhere = await startSession(id);
    await prisma.user.update({ where: { id }, data: { tokensValidAfter: new Date(Date.now() + 1000) } });
    expect(await rotateRefreshToken(everywhere.refresh.token)).toEqual({ ok: false, reason: 'revoked' });

    const { id: other } = await createUser();
    const ended = await startSession(other);
    // Only the row says so (a sign-out that wrote the row first): still revoked.
    await prisma.session.update({ where: { id: ended.refresh.claims.sid }, data: { revokedAt: new Date() } });
    expect(await rotateRefreshToken(ended.refresh.token)).toEqual({ ok: false, reason: 'revoked' });
  });
});

describe('the grace window', () => {
  it(`is AUTH_REFRESH_GRACE seconds to the millisecond: then the successor, a millisecond later the end of the family`, async () => {
    const grace = env().AUTH_REFRESH_GRACE * 1000;
    const { id } = await createUser();
    const t0 = Date.now();
    const first = await startSession(id, null, undefined, t0);
    const next = await rotated(first.refresh.token, t0);
    const atEdge = await rotated(first.refresh.token, t0 + grace);
    expect(atEdge.refresh.claims.jti).toBe(next.refresh.claims.jti);
    expect(await familyRevoked(first.refresh.claims.sid)).toBeNull();
    expect(await rotateRefreshToken(first.refresh.token, t0 + grace + 1)).toEqual({ ok: false, reason: 'reuse' });
    expect(await familyRevoked(first.refresh.claims.sid)).toBe('reuse');
  });

  it('with a grace of 0, a replay at the same millisecond still gets the successor, one later does not', async () => {
    process.env.AUTH_REFRESH_GRACE = '0';
    resetEnvForTests();
    const { id } = await createUser();
    const t0 = Date.now();
    const first = await startSession(id, null, undefined, t0);
    const next = await rotated(first.refresh.token, t0);
    expect((await rotated(first.refresh.token, t0)).refresh.claims.jti).toBe(next.refresh.claims.jti);
    expect(await rotateRefreshToken(first.refresh.token, t0 + 1)).toEqual({ ok: false, reason: 'reuse' });
  });

  it('gives nothing to a token two rotations old, even inside its window: the family ends', async () => {
    const { id } = await createUser();
    const t0 = Date.now();
    const first = await startSession(id, null, undefined, t0);
    const second = await rotated(first.refresh.token, t0);
    const third = await rotated(second.refresh.token, t0 + 1000);
    // `first` was rotated 2 s ago (inside the window) but its successor is no longer the live one.
    expect(await rotateRefreshToken(first.refresh.token, t0 + 2000)).toEqual({ ok: false, reason: 'reuse' });
    expect(await familyRevoked(first.refresh.claims.sid)).toBe('reuse');
    expect((await rotateRefreshToken(third.refresh.token, t0 + 3000)).ok).toBe(false);
  });

  it('a replay inside the window gets the recorded successor re-signed exactly, and a fresh access token', async () => {
    const { id } = await createUser();
    const t0 = Date.now();
    const first = await startSession(id, null, undefined, t0);
    const next = await rotated(first.refresh.token, t0);
    const replay = await rotated(first.refresh.token, t0 + 3000);
    expect(replay.refresh.claims).toEqual(next.refresh.claims);
    expect(replay.access.claims.iat).toBe(Math.floor((t0 + 3000) / 1000));
    expect(replay.access.claims.sid).toBe(first.access.claims.sid);
  });
});

describe('one live branch', () => {
  it('a valid token of the family that was never its live one is a second branch: the family ends', async () => {
    const { id } = await createUser();
    const live = await startSession(id);
    // Signed for the family, valid, but never the token the family's row records as live.
    const stray = await issueTokenPair(id, live.refresh.claims.sid);
    expect(await rotateRefreshToken(stray.refresh.token)).toEqual({ ok: false, reason: 'reuse' });
    expect(await familyRevoked(live.refresh.claims.sid)).toBe('reuse');
    expect(await rotateRefreshToken(live.refresh.token)).toEqual({ ok: false, reason: 'revoked' });
    // What /account's activity shows the owner.
    const audit = await (await db()).auditEvent.findFirst({ where: { userId: id, type: 'refresh_reuse' } });
    expect(audit?.detail).toBe('An old sign-in token was presented again; that sign-in was ended.');
  });

  it('a family from before sign-in rows gets its row at its first rotation, and the rules apply from then on', async () => {
    const { id } = await createUser();
    const t0 = Date.now();
    const { uuidv7 } = await import('@/lib/auth/tokens');
    const sid = uuidv7(t0);
    const old = await issueTokenPair(id, sid, t0);
    const next = await rotated(old.refresh.token, t0);
    const row = await (await db()).session.findUniqueOrThrow({ where: { id: sid } });
    expect(row).toMatchObject({ userId: id, refreshJti: next.refresh.claims.jti, previousRefreshJti: old.refresh.claims.jti, amr: 'pwd', revokedAt: null });
    expect(row.authTime?.getTime()).toBe(Math.floor(t0 / 1000) * 1000);
    // It began when its auth_time says (the sid's time), from a browser nobody recorded.
    expect(row.createdAt.getTime()).toBe(Math.floor(t0 / 1000) * 1000);
    expect(row.userAgent).toBe('unknown');
    expect((await rotated(old.refresh.token, t0 + 1000)).refresh.claims.jti).toBe(next.refresh.claims.jti);
  });
});

describe('an ended sign-in stays ended', () => {
  it('a family from before sign-in rows, ended by its id alone, is refused, not given a row', async () => {
    const { id } = await createUser();
    const { uuidv7 } = await import('@/lib/auth/tokens');
    const sid = uuidv7();
    const old = await issueTokenPair(id, sid);
    // Sign-out of a family without a row can only record its id.
    await signOut({ refresh: old.refresh.token });
    expect(await (await db()).session.findUnique({ where: { id: sid } })).toBeNull();
    expect(await familyRevoked(sid)).toBe('logout');
    expect(await rotateRefreshToken(old.refresh.token)).toEqual({ ok: false, reason: 'revoked' });
    expect(await (await db()).session.findUnique({ where: { id: sid } })).toBeNull();
  });

  it('after sign-out, a token rotated a moment before is "revoked", not a reuse alarm', async () => {
    const { id } = await createUser();
    const t0 = Date.now();
    const first = await startSession(id, null, undefined, t0);
    const next = await rotated(first.refresh.token, t0);
    await signOut({ refresh: next.refresh.token }, null, t0 + 1000);
    // Inside the grace window of `first`'s rotation: an old tab refreshing after sign-out.
    expect(await rotateRefreshToken(first.refresh.token, t0 + 2000)).toEqual({ ok: false, reason: 'revoked' });
    expect(await familyRevoked(first.refresh.claims.sid)).toBe('logout');
    expect(await reuseAlarms(id)).toBe(0);
  });
});

describe('a refresh token revoked by its own id', () => {
  it('is refused as revoked inside what would be its grace window, with no reuse alarm and its family untouched', async () => {
    const { id } = await createUser();
    const pair = await startSession(id);
    // An operator revoking one token (the revocation list takes any jti), not a rotation.
    await (await db()).revokedToken.create({
      data: { jti: pair.refresh.claims.jti, userId: id, kind: 'refresh', reason: 'admin', expiresAt: new Date(pair.refresh.claims.exp * 1000), revokedAt: new Date() },
    });
    expect(await rotateRefreshToken(pair.refresh.token)).toEqual({ ok: false, reason: 'revoked' });
    expect(await familyRevoked(pair.refresh.claims.sid)).toBeNull();
    expect(await reuseAlarms(id)).toBe(0);
  });
});

describe('the absolute end of a sign-in', () => {
  /** A sign-in that may last one minute, started on a whole second; `end` is when it ends (ms). */
  async function oneMinuteSignIn() {
    process.env.AUTH_SESSION_MAX_AGE = '60';
    resetEnvForTests();
    const { id } = await createUser();
    const t0 = Math.floor(Date.now() / 1000) * 1000;
    return { id, first: await startSession(id, null, undefined, t0), end: t0 + 60_000 };
  }

  it('refuses a refresh at exactly AUTH_SESSION_MAX_AGE after auth_time as expired, and rotates one a millisecond before', async () => {
    const { first, end } = await oneMinuteSignIn();
    // The refresh token itself lives to the end (and the clock tolerance): only the sign-in's age refuses it.
    expect(first.refresh.claims.exp * 1000).toBe(end);
    const before = await rotated(first.refresh.token, end - 1);
    expect(await rotateRefreshToken(before.refresh.token, end)).toEqual({ ok: false, reason: 'expired' });
  });

  it('a second tab refreshing just after the end, inside its grace window, is told "expired", not treated as reuse', async () => {
    const { id, first, end } = await oneMinuteSignIn();
    await rotated(first.refresh.token, end - 3000);
    // `first` still verifies here (its exp is the end, plus the clock tolerance), and its rotation is 4 s old.
    expect(await rotateRefreshToken(first.refresh.token, end + 1000)).toEqual({ ok: false, reason: 'expired' });
    expect(await familyRevoked(first.refresh.claims.sid)).toBeNull();
    expect(await reuseAlarms(id)).toBe(0);
  });

  it('keeps every sign-in method on the row through a rotation, as the list it was', async () => {
    const { id } = await createUser();
    const first = await startSession(id, null, { amr: ['pwd', 'otp', 'mfa'] });
    const next = await rotated(first.refresh.token);
    const row = await (await db()).session.findUniqueOrThrow({ where: { id: first.refresh.claims.sid } });
    expect(row.amr).toBe('pwd otp mfa');
    expect(next.access.claims.amr).toEqual(['pwd', 'otp', 'mfa']);
  });
});
