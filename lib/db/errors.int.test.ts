// The error classifiers against errors a real database and driver throw: a refused connection, a
// Postgres deadlock (which writeTransaction must retry until both writes land) and SQLite's write
// lock held by another connection.
import * as runtime from '@prisma/client/runtime/client';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { createPrismaClient } from '@/lib/db/client';
import { createTestDatabase } from '@/test/database';
import { UNREACHABLE_POSTGRES_URL, rejectionOf, useOwnDatabase } from '@/test/db-client';
import { writeTransaction, type Tx } from '@/lib/shop/transaction';
import { createProduct } from '@/test/shop-data';
import { sqltag as sql } from '@prisma/client/runtime/client';
import { toErrorResponse } from '@/lib/http';
import { queryRows } from '@/lib/db/client';
import { isDatabaseUnavailable, isInvalidValue, isUniqueViolation, isWriteConflict } from './errors';

const provider = inject('databaseProvider');

describe('a database that cannot be reached', () => {
  it('is an outage by Prisma’s class and code (P1001), not a conflict', async () => {
    const prisma = await createPrismaClient(UNREACHABLE_POSTGRES_URL);
    try {
      const error = await rejectionOf(prisma.user.count());
      expect(error).toBeInstanceOf(runtime.PrismaClientKnownRequestError);
      expect((error as runtime.PrismaClientKnownRequestError).code).toBe('P1001');
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(isWriteConflict(error)).toBe(false);
    } finally {
      await prisma.$disconnect();
    }
  });
});

describe('values Postgres refuses (its own Postgres database, so both projects run it)', () => {
  const own = useOwnDatabase('postgres');

  it('a NUL in text (22021), through Prisma or queryRows: invalid input, answered 400, never 500', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const refusals = [
      await rejectionOf(own.client.product.findUnique({ where: { slug: 'mug\u0000' } })),
      await rejectionOf(queryRows(own.client, sql`SELECT 1 FROM "Product" WHERE "slug" = ${'\u0000'}`)),
    ];
    for (const error of refusals) {
      expect(isInvalidValue(error), String(error)).toBe(true);
      expect(isDatabaseUnavailable(error)).toBe(false);
      expect(isWriteConflict(error)).toBe(false);
      const response = toErrorResponse(error);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.message).not.toMatch(/UTF8|0x00|SQL|prisma|range:/i);
    }
    expect(warn).toHaveBeenCalledTimes(refusals.length);
    warn.mockRestore();
  });

  it('a date (22009) or a number (22003) out of range is not the request’s fault: left to the 500 path (inputs are bounded before)', async () => {
    for (const error of [
      await rejectionOf(own.client.auditEvent.findMany({ where: { createdAt: { lt: new Date(-8.64e15) } } })),
      await rejectionOf(own.client.product.findMany({ where: { priceCents: { gt: 2 ** 40 } } })),
    ]) {
      expect(isInvalidValue(error), String(error)).toBe(false);
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});

/** Two transactions that each lock one product, wait for the other, then want the other's row. */
function crossedTransactions(run: (work: (tx: Tx) => Promise<void>) => Promise<unknown>, a: string, b: string, serialised = false) {
  let arrived = 0;
  let release = () => {};
  const bothLocked = new Promise<void>((resolve) => (release = resolve));
  const arrive = () => (++arrived === 2 && release(), bothLocked);
  const take = (first: string, second: string) =>
    run(async (tx) => {
      await tx.product.update({ where: { id: first }, data: { stock: { decrement: 1 } } });
      // On SQLite (serialised) the second writer waits for the write lock before its first update,
      // so the two never both arrive: there the first goes on alone.
      if (!serialised) await arrive();
      await tx.product.update({ where: { id: second }, data: { stock: { decrement: 1 } } });
    });
  return Promise.allSettled([take(a, b), take(b, a)]);
}

describe('a Postgres deadlock', () => {
  // Its own Postgres database, so this runs in the SQLite project too: nothing here is skipped.
  const own = useOwnDatabase('postgres');

  it('fails one side with a write conflict (P2034) that is not an outage', async () => {
    const product = (slug: string) =>
      own.client.product.create({ data: { slug, name: slug, description: '', searchText: slug, priceCents: 100, imageUrl: '/x.svg', stock: 10 } });
    const [a, b] = [await product('deadlock-a'), await product('deadlock-b')];
    const results = await crossedTransactions((work) => own.client.$transaction(work, { timeout: 20_000 }), a.id, b.id);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    const error = (rejected[0] as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(runtime.PrismaClientKnownRequestError);
    expect((error as runtime.PrismaClientKnownRequestError).code).toBe('P2034');
    expect(isWriteConflict(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('crossed writes through writeTransaction (this project’s database)', () => {
  it(`both orders go through (${provider}: Postgres retries the deadlocked side, SQLite serialises behind its write lock)`, async () => {
    const app = await db();
    const [a, b] = [await createProduct({ stock: 10 }), await createProduct({ stock: 10 })];
    const results = await crossedTransactions((work) => writeTransaction(work), a.id, b.id, provider === 'sqlite');
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const stock = await app.product.findMany({ where: { id: { in: [a.id, b.id] } }, select: { stock: true } });
    expect(stock.map((p) => p.stock)).toEqual([8, 8]);
  });
});

describe('SQLite’s write lock held by another connection (its own file, so both projects run it)', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('is a write conflict once the busy timeout has passed, and an outage if it never clears', async () => {
    const database = await createTestDatabase('sqlite');
    cleanups.push(database.drop);
    const [{ PrismaClient }, { PrismaBetterSqlite3 }] = await Promise.all([import('@/lib/generated/sqlite/client'), import('@prisma/adapter-better-sqlite3')]);
    const holder = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: database.url, timeout: 50 }) });
    const waiter = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: database.url, timeout: 50 }) });
    cleanups.push(() => holder.$disconnect(), () => waiter.$disconnect());

    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = holder.$transaction(async (tx) => {
      await tx.category.create({ data: { slug: 'held', name: 'Held' } });
      locked();
      await released;
    });
    await isLocked;
    const error = await rejectionOf(waiter.category.create({ data: { slug: 'waiting', name: 'Waiting' } }));
    release();
    await holding;

    expect(error).toBeInstanceOf(runtime.PrismaClientKnownRequestError);
    expect(isWriteConflict(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isUniqueViolation(error)).toBe(false);
  });
});
