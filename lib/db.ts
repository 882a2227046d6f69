// The one Prisma client of this process (construction lives in lib/db/client.ts, which scripts
// such as prisma/seed.ts share without `server-only`).
import 'server-only';
import { env } from '@/lib/env';
import { createPrismaClient, type Db } from '@/lib/db/client';

export type { Db };

// Dev reloads re-evaluate modules; keep one client per process on globalThis.
const globalForDb = globalThis as unknown as { __db?: Promise<Db> };

/** The process-wide client (created on first use). */
export function db(): Promise<Db> {
  globalForDb.__db ??= createPrismaClient(env().DATABASE_URL).then(
    (client) => {
      startOutboxTimerInServer();
      return client;
    },
    (error: unknown) => {
      globalForDb.__db = undefined;
      throw error;
    },
  );
  return globalForDb.__db;
}

/**
 * A Next server (NEXT_RUNTIME is set; tests and scripts leave it unset) starts the mail outbox's
 * retry timer with its first database client. Not from instrumentation.ts: what the hook imports is
 * traced into every Vercel function without outputFileTracingExcludes, and the outbox reaches this
 * client and both database drivers, so a Postgres deployment would ship the native SQLite driver.
 */
function startOutboxTimerInServer(): void {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  import('@/lib/mail/timer')
    .then(({ startOutboxTimer }) => startOutboxTimer())
    .catch((error: unknown) => console.error('[mail] outbox timer did not start:', error));
}
