// Writes that must not be lost, each in a transaction of its own.
//
// SQLite: the better-sqlite3 adapter runs every statement on one shared connection, and only
// interactive transactions take its mutex. A bare write issued while another request's
// transaction is open (a checkout that later fails, say) runs inside that transaction and is
// rolled back with it. Auth writes (a new password hash, a rotation marker, a session row, an
// attempt counter) therefore always go through here. On Postgres this is an ordinary short
// transaction on a pooled connection.
import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/sqlite/client';

export type DurableTx = Prisma.TransactionClient;

/** Runs `work` in its own transaction (queued behind any open one on SQLite, never inside it). */
export async function durable<T>(work: (tx: DurableTx) => Promise<T>): Promise<T> {
  const prisma = await db();
  // maxWait: on SQLite transactions queue for the one connection; a burst must not time out.
  return prisma.$transaction(work, { maxWait: 15_000, timeout: 15_000 });
}
