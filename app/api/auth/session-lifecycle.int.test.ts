// Sign-out, sign-out everywhere, refresh rotation with reuse detection, the refresh hop and the
// purge of expired revocations, through the route handlers and the real database.
import { describe, expect, it } from 'vitest';
import { GET as refreshGet } from '@/app/api/auth/refresh/route';
import { endSession, issueTokenPair, startSession, purgeExpiredRevocations, rotateRefreshToken, signOutEverywhere } from '@/lib/auth/sign-ins';
import { clearVerifyMemo, resetKeysForTests, uuidv7 } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { APP, accessCookie, authCookies, errorBody, makeRequest, parseSetCookie, tokensFrom, type CallOptions, type Tokens } from '@/test/auth-requests';
import { api, NO_CONTEXT, signedUp } from '@/test/auth-routes';
import { advanceClock } from '@/test/clock';

/** GET /api/auth/refresh: the refresh hop a page redirect goes through (`next` is where it lands). */
const hop = (next: string | null, options: CallOptions = {}) =>
  refreshGet(makeRequest(`/api/auth/refresh${next === null ? '' : `?next=${encodeURIComponent(next)}`}`, 'GET', { origin: null, ...options }), NO_CONTEXT);

const meStatus = async (tokens: Pick<Tokens, 'access'>) => (await api.me({ cookie: accessCookie(tokens) })).status;

function expectCleared(response: Response) {
  const cookies = parseSetCookie(response);
  for (const [name, path] of [
    ['access', '/'],
    ['refresh', '/api/auth'],
  ] as const) {
    const cookie = cookies.get(name);
    expect(cookie, `${name} cleared`).toBeDefined();
    expect(cookie!.value).toBe('');
    expect(cookie!.attributes['max-age']).toBe('0');
    expect(cookie!.attributes.path).toBe(path);
  }
}

describe('POST /api/auth/logout', () => {
  it('204, revokes the access jti and the whole sign-in (sid), clears both cookies', async () => {
    const { tokens, user } = await signedUp();
    expect(await meStatus(tokens)).toBe(200);
    const response = await api.logout({ cookie: authCookies(tokens) });
    expect(response.status).toBe(204);
    expectCleared(response);

    const rows = await (await db()).revokedToken.findMany({
      where: { jti: { in: [tokens.accessClaims.jti, tokens.accessClaims.sid] } },
      orderBy: { kind: 'asc' },
    });
    expect(rows.map((r) => ({ jti: r.jti, kind: r.kind, reason: r.reason, userId: r.userId }))).toEqual([
      { jti: tokens.accessClaims.jti, kind: 'access', reason: 'logout', userId: user.id },
      { jti: tokens.accessClaims.sid, kind: 'session', reason: 'logout', userId: user.id },
    ]);
    // The access row keeps the token's exp, so it can be purged once the token is dead anyway.
    expect(rows[0]!.expiresAt.getTime()).toBe(tokens.accessClaims.exp * 1000);
    expect(rows[1]!.expiresAt.getTime()).toBeGreaterThanOrEqual(tokens.refreshClaims.exp * 1000);

    // A copy of the old cookie (or the token as Bearer) no longer works, nor does the refresh token.
    const replay = await api.me({ cookie: accessCookie(tokens) });
    expect(replay.status).toBe(401);
    expect(replay.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await api.me({ bearer: tokens.access })).status).toBe(401);
    expect((await api.refresh({ cookie: authCookies(tokens) })).status).toBe(401);
  });

  it('only ends that sign-in: another sign-in of the same user keeps working', async () => {
    const { tokens, user } = await signedUp();
    const other = await issueTokenPair(user.id, uuidv7());
    expect((await api.logout({ cookie: authCookies(tokens) })).status).toBe(204);
    expect(await meStatus(tokens)).toBe(401);
    expect(await meStatus({ access: other.access.token })).toBe(200);
  });

  it('signing out twice at once (a double click), or ending one sign-in from two tabs: every answer is an answer, never a 500', async () => {
    for (let round = 0; round < 5; round++) {
      const { tokens, user } = await signedUp();
      const statuses = await Promise.all([1, 2, 3].map(() => api.logout({ cookie: authCookies(tokens) }).then((r) => r.status)));
      expect(statuses).toEqual([204, 204, 204]);
      const other = await startSession(user.id);
      const ended = await Promise.allSettled([1, 2, 3].map(() => endSession({ userId: user.id, sid: other.access.claims.sid, meta: null })));
      expect(ended.map((r) => (r.status === 'rejected' ? String(r.reason) : r.status))).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      expect(await meStatus({ access: other.access.token })).toBe(401);
    }
  });

  it('without any session still answers 204 and clears cookies', async () => {
    const response = await api.logout({ cookie: 'access=garbage; refresh=garbage' });
    expect(response.status).toBe(204);
    expectCleared(response);
  });
});

describe('POST /api/auth/logout-all', () => {
  it('204, sets tokensValidAfter, and every earlier sign-in of the user dies; a new one works', async () => {
    const { tokens, user } = await signedUp();
    const otherDevice = await issueTokenPair(user.id, uuidv7());
    const started = Date.now();
    const response = await api.logoutAll({ cookie: authCookies(tokens) });
    expect(response.status).toBe(204);
    expectCleared(response);
    const stored = await (await db()).user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.tokensValidAfter.getTime()).toBeGreaterThanOrEqual(started - 1);
    expect(stored.tokensValidAfter.getTime()).toBeLessThanOrEqual(Date.now());

    expect(await meStatus(tokens)).toBe(401);
    expect(await meStatus({ access: otherDevice.access.token })).toBe(401);
    expect((await api.refresh({ cookie: authCookies({ access: otherDevice.access.token, refresh: otherDevice.refresh.token }) })).status).toBe(401);

    advanceClock(5);
    const fresh = await issueTokenPair(user.id, uuidv7());
    expect(await meStatus({ access: fresh.access.token })).toBe(200);
  });

  it('is exact within one second: kills a token from earlier in that second, spares a sign-in just after', async () => {
    const { user } = await signedUp();
    // Three moments in the same whole second, a second ago (so every token is valid now).
    const second = Math.floor(Date.now() / 1000) * 1000 - 1000;
    const early = await issueTokenPair(user.id, uuidv7(second + 100), second + 100);
    await signOutEverywhere(user.id, null, second + 500);
    const late = await issueTokenPair(user.id, uuidv7(second + 900), second + 900);
    expect(early.access.claims.iat).toBe(late.access.claims.iat);

    expect(await meStatus({ access: early.access.token })).toBe(401);
    expect(await meStatus({ access: late.access.token })).toBe(200);
    expect((await rotateRefreshToken(early.refresh.token)).ok).toBe(false);
    expect((await rotateRefreshToken(late.refresh.token)).ok).toBe(true);
  });

  it('401 without a session', async () => {
    expect((await api.logoutAll({})).status).toBe(401);
  });
});

describe('refresh rotation', () => {
  it('POST rotates: new cookies differ, the old refresh jti is revoked as rotated, same sid', async () => {
    const { tokens, user } = await signedUp();
    const response = await api.refresh({ cookie: authCookies(tokens) });
    expect(response.status).toBe(200);
    const body = await response.json();
    const next = tokensFrom(response);
    expect(body.accessTokenExpiresAt).toBe(new Date(next.accessClaims.exp * 1000).toISOString());
    expect(next.access).not.toBe(tokens.access);
    expect(next.refresh).not.toBe(tokens.refresh);
    expect(next.accessClaims.jti).not.toBe(tokens.accessClaims.jti);
    expect(next.refreshClaims.jti).not.toBe(tokens.refreshClaims.jti);
    expect(next.accessClaims.sid).toBe(tokens.accessClaims.sid);
    expect(next.refreshClaims.sid).toBe(tokens.accessClaims.sid);
    expect(parseSetCookie(response).get('refresh')!.attributes.path).toBe('/api/auth');

    const row = await (await db()).revokedToken.findUniqueOrThrow({ where: { jti: tokens.refreshClaims.jti } });
    expect(row).toMatchObject({ userId: user.id, kind: 'refresh', reason: 'rotated' });
    expect(row.expiresAt.getTime()).toBe(tokens.refreshClaims.exp * 1000);
    expect(await meStatus(next)).toBe(200);
  });

  it('the old refresh token again within the grace window gets the same successor and a fresh access token', async () => {
    const { tokens } = await signedUp();
    const first = tokensFrom(await api.refresh({ cookie: authCookies(tokens) }));
    const again = await api.refresh({ cookie: authCookies(tokens) });
    expect(again.status).toBe(200);
    const second = tokensFrom(again);
    expect(second.accessClaims.sid).toBe(tokens.accessClaims.sid);
    // One live branch: the recorded successor again (same jti, iat, exp), never a second branch.
    expect(second.refreshClaims).toEqual(first.refreshClaims);
    expect(second.accessClaims.jti).not.toBe(first.accessClaims.jti);
    expect(await meStatus(first)).toBe(200);
    expect(await meStatus(second)).toBe(200);
    const family = await (await db()).revokedToken.findUnique({ where: { jti: tokens.accessClaims.sid } });
    expect(family).toBeNull();
  });

  it('the old refresh token after the grace window revokes the whole family (reuse); even the newest tokens die', async () => {
    const { tokens, user } = await signedUp();
    const newest = tokensFrom(await api.refresh({ cookie: authCookies(tokens) }));
    expect(await meStatus(newest)).toBe(200);

    const outcome = await rotateRefreshToken(tokens.refresh, Date.now() + 11_000);
    expect(outcome).toEqual({ ok: false, reason: 'reuse' });
    const family = await (await db()).revokedToken.findUniqueOrThrow({ where: { jti: tokens.accessClaims.sid } });
    expect(family).toMatchObject({ userId: user.id, kind: 'session', reason: 'reuse' });

    expect(await meStatus(newest)).toBe(401);
    expect(await meStatus(tokens)).toBe(401);
    const refreshed = await api.refresh({ cookie: authCookies(newest) });
    expect(refreshed.status).toBe(401);
    expect((await errorBody(refreshed)).error.code).toBe('invalid_refresh_token');
    expectCleared(refreshed);
  });

  it('with AUTH_REFRESH_GRACE=0 a replay through the route is reuse at once', async () => {
    process.env.AUTH_REFRESH_GRACE = '0';
    resetEnvForTests();
    resetKeysForTests();
    clearVerifyMemo();
    const { tokens } = await signedUp();
    const newest = tokensFrom(await api.refresh({ cookie: authCookies(tokens) }));
    advanceClock(1);
    const replay = await api.refresh({ cookie: authCookies(tokens) });
    expect(replay.status).toBe(401);
    expect(replay.headers.getSetCookie().some((c) => c.startsWith('access=;') || c.startsWith('access=""'))).toBe(true);
    expect((await (await db()).revokedToken.findUniqueOrThrow({ where: { jti: tokens.accessClaims.sid } })).reason).toBe('reuse');
    expect(await meStatus(newest)).toBe(401);
    expect((await api.refresh({ cookie: authCookies(newest) })).status).toBe(401);
  });

  it('refuses an access token in the refresh cookie, and a missing cookie, with 401', async () => {
    const { tokens } = await signedUp();
    expect((await api.refresh({ cookie: `refresh=${tokens.access}` })).status).toBe(401);
    expect((await api.refresh({ cookie: accessCookie(tokens) })).status).toBe(401);
    expect(await (await db()).revokedToken.count({ where: { jti: { in: [tokens.accessClaims.jti, tokens.refreshClaims.jti] } } })).toBe(0);
  });
});

describe('GET /api/auth/refresh (the hop)', () => {
  it('303 back to next with rotated cookies', async () => {
    const { tokens } = await signedUp();
    const response = await hop('/orders?page=2', { cookie: authCookies(tokens) });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${APP}/orders?page=2`);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
    const next = tokensFrom(response);
    expect(next.access).not.toBe(tokens.access);
    expect(next.accessClaims.sid).toBe(tokens.accessClaims.sid);
    expect(await meStatus(next)).toBe(200);
  });

  it('never sends anyone off-site, whatever next says', async () => {
    const { tokens } = await signedUp();
    let current = tokens;
    for (const hostile of ['//evil.example', '/\\evil.example', 'https://evil.example/x', '/\t/evil.example', 'javascript:alert(1)']) {
      const response = await hop(hostile, { cookie: authCookies(current) });
      expect(response.status).toBe(303);
      expect(new URL(response.headers.get('location')!).origin, hostile).toBe(APP);
      current = tokensFrom(response);
    }
  });

  it('303 to /login?next= for a protected page without a refresh cookie, and clears cookies', async () => {
    const response = await hop('/account');
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin).toBe(APP);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('next')).toBe('/account');
    expectCleared(response);
  });

  it('303 to /login with a reason when the family was revoked', async () => {
    const { tokens } = await signedUp();
    await api.logout({ cookie: authCookies(tokens) });
    const response = await hop('/orders', { cookie: authCookies(tokens) });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('next')).toBe('/orders');
    expect(location.searchParams.get('reason')).toBe('revoked');
  });

  it('a public page just loads signed out', async () => {
    const response = await hop('/products/anything');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${APP}/products/anything`);
  });
});

describe('purgeExpiredRevocations', () => {
  it('removes expired rows and keeps those still in force', async () => {
    const { user } = await signedUp();
    const prisma = await db();
    const now = Date.now();
    const expired = uuidv7();
    const live = uuidv7();
    await prisma.revokedToken.createMany({
      data: [
        { jti: expired, userId: user.id, kind: 'access', reason: 'logout', expiresAt: new Date(now - 60_000) },
        { jti: live, userId: user.id, kind: 'access', reason: 'logout', expiresAt: new Date(now + 60_000) },
      ],
    });
    const removed = await purgeExpiredRevocations(now);
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await prisma.revokedToken.findUnique({ where: { jti: expired } })).toBeNull();
    expect(await prisma.revokedToken.findUnique({ where: { jti: live } })).not.toBeNull();
    // Later, once it has expired too, it goes.
    await purgeExpiredRevocations(now + 120_000);
    expect(await prisma.revokedToken.findUnique({ where: { jti: live } })).toBeNull();
  });

  it('a purged revocation is never of a token that could still be used', async () => {
    const { tokens } = await signedUp();
    await api.logout({ cookie: authCookies(tokens) });
    await purgeExpiredRevocations();
    expect(await meStatus(tokens)).toBe(401);
    expect((await api.refresh({ cookie: authCookies(tokens) })).status).toBe(401);
  });
});
