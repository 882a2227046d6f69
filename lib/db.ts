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
  globalForDb.__db ??= createPrismaClient(env().DATABASE_URL).catch((error: unknown) => {
    globalForDb.__db = undefined;
    throw error;
  });
  return globalForDb.__db;
}
