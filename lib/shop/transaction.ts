// Short write transactions for the shop, retried when the database asks for it.
//
// SQLite: the better-sqlite3 adapter runs every statement on one connection and queues
// interactive transactions behind a mutex, so shop writes always go through a transaction (a
// bare statement would otherwise run inside whichever transaction is open). Another process
// holding the write lock shows up as SQLITE_BUSY once the busy timeout has passed: retried.
// Postgres: READ COMMITTED with conditional updates needs no retries in the normal course, but a
// deadlock or serialization failure (P2034) and the unique-violation of two first inserts of the
// same cart line (P2002) are retried by re-running the whole transaction. lib/db/errors.ts reads
// which is which from Prisma's codes.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { isUniqueViolation, isWriteConflict } from '@/lib/db/errors';
import type { Prisma } from '@/lib/generated/sqlite/client';

export type Tx = Prisma.TransactionClient;

const MAX_ATTEMPTS = 6;

/** Worth re-running the whole transaction: a write conflict or a lost first-insert race. */
export function isRetryableWriteError(error: unknown): boolean {
  if (error instanceof AppError) return false;
  return isWriteConflict(error) || isUniqueViolation(error);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const prisma = await db();
  for (let attempt = 1; ; attempt++) {
    try {
      // maxWait: on SQLite transactions queue for the one connection; many at once must not time out.
      return await prisma.$transaction(work, { maxWait: 15_000, timeout: 15_000 });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableWriteError(error)) throw error;
      await sleep(10 * 2 ** attempt * Math.random());
    }
  }
}
