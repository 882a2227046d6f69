// Prisma clients of a test's own, for the tests of lib/db itself (the rest of the suite shares
// the app's client through lib/db.ts).
import { afterAll, beforeAll, expect } from 'vitest';
import type { DatabaseProvider } from '../lib/database-url.mjs';
import { createPrismaClient, type Db } from '../lib/db/client';
import { createTestDatabase } from './database';

/** Port 1 on the loopback: nothing listens there, so a connection is refused at once. */
export const UNREACHABLE_POSTGRES_URL = 'postgres://postgres@127.0.0.1:1/nowhere';

/**
 * A client on a fresh, migrated database of its own for the describe block this is called in:
 * made before its tests, disconnected and the database dropped after them. Read `client` and
 * `url` inside the tests (they are set in beforeAll).
 */
export function useOwnDatabase(provider: DatabaseProvider): { client: Db; url: string } {
  const own = { client: undefined as unknown as Db, url: '' };
  let drop = async () => {};
  beforeAll(async () => {
    const database = await createTestDatabase(provider);
    ({ url: own.url, drop } = database);
    own.client = await createPrismaClient(database.url);
  });
  afterAll(async () => {
    await own.client?.$disconnect();
    await drop();
  });
  return own;
}

/** What `promise` rejects with; the test fails if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the call succeeded'),
    (error: unknown) => error,
  );
}
