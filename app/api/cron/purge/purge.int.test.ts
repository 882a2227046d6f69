// The revocation table stays bounded: GET /api/cron/purge (Vercel Cron, with
// `Authorization: Bearer $CRON_SECRET`) deletes revocations whose tokens have expired anyway and
// keeps those still in force. Without the secret it answers 401 and deletes nothing.
// Runs on SQLite and Postgres (int-sqlite / int-postgres).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { GET as purge } from './route';

const SECRET = 'cron-secret-for-tests-0123456789';
const ctx = {} as never;
const HOUR = 3600_000;

function cronRequest(authorization?: string): Request {
  return new Request('http://localhost:3000/api/cron/purge', {
    method: 'GET',
    headers: authorization ? { authorization } : {},
  });
}

async function seedRevocations() {
  const prisma = await db();
  const user = await prisma.user.create({
    data: { email: `purge-${randomUUID()}@example.test`, name: 'Purge Test', passwordHash: 'x' },
  });
  const now = Date.now();
  const expired = [`exp-${randomUUID()}`, `exp-${randomUUID()}`];
  const live = [`live-${randomUUID()}`, `live-${randomUUID()}`];
  await prisma.revokedToken.createMany({
    data: [
      { jti: expired[0]!, userId: user.id, kind: 'access', reason: 'logout', expiresAt: new Date(now - HOUR) },
      { jti: expired[1]!, userId: user.id, kind: 'refresh', reason: 'rotated', expiresAt: new Date(now - 1000) },
      { jti: live[0]!, userId: user.id, kind: 'access', reason: 'logout', expiresAt: new Date(now + HOUR) },
      { jti: live[1]!, userId: user.id, kind: 'session', reason: 'logout', expiresAt: new Date(now + 14 * 24 * HOUR) },
    ],
  });
  const remaining = async () =>
    (await prisma.revokedToken.findMany({ where: { userId: user.id }, select: { jti: true } })).map((r) => r.jti).sort();
  return { expired, live, remaining };
}

describe('GET /api/cron/purge', () => {
  let previous: string | undefined;
  beforeAll(() => {
    previous = process.env.CRON_SECRET;
    process.env.CRON_SECRET = SECRET;
    resetEnvForTests();
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.CRON_SECRET;
    else process.env.CRON_SECRET = previous;
    resetEnvForTests();
  });

  it('answers 401 and deletes nothing without the secret, with a wrong one, or with another scheme', async () => {
    const { expired, live, remaining } = await seedRevocations();
    for (const authorization of [undefined, 'Bearer wrong-secret-wrong-secret!!', `Basic ${SECRET}`, SECRET, `Bearer ${SECRET}x`]) {
      const response = await purge(cronRequest(authorization), ctx);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect((await response.json()).error.code).toBe('unauthorized');
    }
    expect(await remaining()).toEqual([...expired, ...live].sort());
  });

  it('with the secret, deletes expired revocations and keeps the ones still in force; a second run deletes nothing more', async () => {
    const { expired, live, remaining } = await seedRevocations();
    const first = await purge(cronRequest(`Bearer ${SECRET}`), ctx);
    expect(first.status).toBe(200);
    const { revocationsDeleted } = (await first.json()) as { revocationsDeleted: number };
    // Other test files share this database, so at least ours went.
    expect(revocationsDeleted).toBeGreaterThanOrEqual(expired.length);
    expect(await remaining()).toEqual([...live].sort());

    const second = await purge(cronRequest(`Bearer ${SECRET}`), ctx);
    expect(second.status).toBe(200);
    expect(((await second.json()) as { revocationsDeleted: number }).revocationsDeleted).toBe(0);
    expect(await remaining()).toEqual([...live].sort());

    // Nothing expired is left anywhere in the table.
    const prisma = await db();
    expect(await prisma.revokedToken.count({ where: { expiresAt: { lt: new Date() } } })).toBe(0);
  });

  it('deletes guest carts idle for 30 days, and keeps a fresher one', async () => {
    const prisma = await db();
    const idle = await prisma.cart.create({ data: { id: `idle-${randomUUID()}`, updatedAt: new Date(Date.now() - 31 * 24 * HOUR) } });
    const fresh = await prisma.cart.create({ data: { id: `fresh-${randomUUID()}`, updatedAt: new Date(Date.now() - 24 * HOUR) } });
    const response = await purge(cronRequest(`Bearer ${SECRET}`), ctx);
    expect(((await response.json()) as { guestCartsDeleted: number }).guestCartsDeleted).toBeGreaterThanOrEqual(1);
    expect(await prisma.cart.findUnique({ where: { id: idle.id } })).toBeNull();
    expect(await prisma.cart.findUnique({ where: { id: fresh.id } })).not.toBeNull();
  });

  it('answers 401 when no CRON_SECRET is configured at all, even to an empty Bearer', async () => {
    const { expired, live, remaining } = await seedRevocations();
    delete process.env.CRON_SECRET;
    resetEnvForTests();
    try {
      for (const authorization of [undefined, 'Bearer ', 'Bearer undefined']) {
        expect((await purge(cronRequest(authorization), ctx)).status).toBe(401);
      }
      expect(await remaining()).toEqual([...expired, ...live].sort());
    } finally {
      process.env.CRON_SECRET = SECRET;
      resetEnvForTests();
    }
  });
});
