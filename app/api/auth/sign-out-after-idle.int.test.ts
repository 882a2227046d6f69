// Sign-out after 15 idle minutes: the access cookie has expired and the browser sends only the
// refresh cookie. That is the normal case, and it must end the whole sign-in just the same: the
// refresh token can no longer rotate, and an access token of the family copied elsewhere dies.
import { describe, expect, it } from 'vitest';
import { POST as logout } from '@/app/api/auth/logout/route';
import { POST as refresh } from '@/app/api/auth/refresh/route';
import { GET as me } from '@/app/api/me/route';
import { revokeFamilies, rotateRefreshToken, signOut, startSession } from '@/lib/auth/sign-ins';
import { resetEnvForTests } from '@/lib/env';
import { db } from '@/lib/db';
import { createUser } from '@/test/shop-data';
import { makeRequest } from '@/test/auth-requests';

const ctx = {} as never;

describe('sign-out with only the refresh cookie (the access cookie expired)', () => {
  it('ends the whole sign-in: the refresh token cannot rotate, the family’s access token dies', async () => {
    const { id: userId } = await createUser('idle');
    const pair = await startSession(userId);
    const other = await startSession(userId);
    const sid = pair.access.claims.sid;
    expect((await me(makeRequest('/api/me', 'GET', { origin: null, bearer: pair.access.token }), ctx)).status).toBe(200);

    const response = await logout(makeRequest('/api/auth/logout', 'POST', { cookie: `refresh=${pair.refresh.token}; signed-in=1` }), ctx);
    expect(response.status).toBe(204);

    const prisma = await db();
    expect(await prisma.revokedToken.findUnique({ where: { jti: sid } })).toMatchObject({ kind: 'session', reason: 'logout', userId });
    expect(await prisma.session.findUnique({ where: { id: sid } })).toMatchObject({ revokedReason: 'logout' });
    expect(await rotateRefreshToken(pair.refresh.token)).toEqual({ ok: false, reason: 'revoked' });
    expect((await refresh(makeRequest('/api/auth/refresh', 'POST', { cookie: `refresh=${pair.refresh.token}` }), ctx)).status).toBe(401);
    expect((await me(makeRequest('/api/me', 'GET', { origin: null, bearer: pair.access.token }), ctx)).status).toBe(401);

    // Only that sign-in: the user's other one lives on.
    expect((await me(makeRequest('/api/me', 'GET', { origin: null, bearer: other.access.token }), ctx)).status).toBe(200);
    expect((await rotateRefreshToken(other.refresh.token)).ok).toBe(true);
  });
});

describe('sign-out leaves a record and keeps an earlier ending', () => {
  it('writes one sign_out audit row with the request’s address and browser', async () => {
    const { id: userId } = await createUser('audited');
    const pair = await startSession(userId);
    const response = await logout(
      makeRequest('/api/auth/logout', 'POST', { cookie: `refresh=${pair.refresh.token}`, headers: { 'user-agent': 'SignOutTest/1.0' } }),
      ctx,
    );
    expect(response.status).toBe(204);
    const rows = await (await db()).auditEvent.findMany({ where: { userId, type: 'sign_out' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.userAgent).toBe('SignOutTest/1.0');
  });

  it('signing out of a sign-in that already ended for reuse keeps that reason', async () => {
    const { id: userId } = await createUser('reused');
    const pair = await startSession(userId);
    await revokeFamilies(userId, [pair.access.claims.sid], 'reuse');
    expect((await logout(makeRequest('/api/auth/logout', 'POST', { cookie: `refresh=${pair.refresh.token}` }), ctx)).status).toBe(204);
    const prisma = await db();
    expect(await prisma.session.findUnique({ where: { id: pair.access.claims.sid } })).toMatchObject({ revokedReason: 'reuse' });
    expect(await prisma.revokedToken.findUnique({ where: { jti: pair.access.claims.sid } })).toMatchObject({ reason: 'reuse' });
  });

  it('a sign-out with the tokens of a deleted account answers 204 and writes nothing', async () => {
    const { id: userId } = await createUser('gone');
    const pair = await startSession(userId);
    const prisma = await db();
    await prisma.user.delete({ where: { id: userId } });
    const response = await logout(makeRequest('/api/auth/logout', 'POST', { cookie: `access=${pair.access.token}; refresh=${pair.refresh.token}` }), ctx);
    expect(response.status).toBe(204);
    expect(await prisma.revokedToken.count({ where: { userId } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { userId } })).toBe(0);
  });
});

describe('sign-out with less than a pair', () => {
  it('a bad access cookie and no refresh cookie: 204, nothing to end', async () => {
    const response = await logout(makeRequest('/api/auth/logout', 'POST', { cookie: 'access=not-a-token' }), ctx);
    expect(response.status).toBe(204);
  });

  it('called without request facts (a server-side caller) it still ends the family', async () => {
    const { id: userId } = await createUser('no-meta');
    const pair = await startSession(userId);
    await signOut({ refresh: pair.refresh.token });
    expect(await rotateRefreshToken(pair.refresh.token)).toEqual({ ok: false, reason: 'revoked' });
    const [row] = await (await db()).auditEvent.findMany({ where: { userId, type: 'sign_out' } });
    expect(row).toMatchObject({ ipAddress: null, userAgent: null });
  });

  it('behind a trusted proxy the audit row keeps the client address', async () => {
    process.env.TRUST_PROXY = 'true';
    resetEnvForTests();
    try {
      const { id: userId } = await createUser('proxied');
      const pair = await startSession(userId);
      await logout(makeRequest('/api/auth/logout', 'POST', { cookie: `refresh=${pair.refresh.token}`, headers: { 'x-forwarded-for': '192.0.2.44' } }), ctx);
      const [row] = await (await db()).auditEvent.findMany({ where: { userId, type: 'sign_out' } });
      expect(row!.ipAddress).toBe('192.0.2.44');
    } finally {
      delete process.env.TRUST_PROXY;
      resetEnvForTests();
    }
  });
});
