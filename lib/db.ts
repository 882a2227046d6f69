// The one Prisma client of this process.
//
// The provider follows DATABASE_URL: a `file:` URL is an embedded SQLite file (better-sqlite3),
// a `postgres://` URL is PostgreSQL (pg). Only the configured driver is ever imported, so a
// Postgres deployment never loads better-sqlite3. Both generated clients share one model, so the
// SQLite client's types describe either.
import 'server-only';
import type { PrismaClient } from '@/lib/generated/sqlite/client';
import { env } from '@/lib/env';
import { databaseProviderOf } from '@/lib/db/provider';

export type Db = PrismaClient;

async function createClient(url: string): Promise<Db> {
  if (databaseProviderOf(url) === 'postgres') {
    const [{ PrismaClient: PostgresClient }, { PrismaPg }] = await Promise.all([
      import('@/lib/generated/postgres/client'),
      import('@prisma/adapter-pg'),
    ]);
    // A small pool per instance: on Vercel many instances share the database's connection limit.
    const adapter = new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  const [{ PrismaClient: SqliteClient }, { PrismaBetterSqlite3 }] = await Promise.all([
    import('@/lib/generated/sqlite/client'),
    import('@prisma/adapter-better-sqlite3'),
  ]);
  // busy timeout: concurrent writers wait for the lock instead of failing at once.
  const adapter = new PrismaBetterSqlite3({ url, timeout: 10_000 });
  const client = new SqliteClient({ adapter });
  await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await client.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return client;
}

// Dev reloads re-evaluate modules; keep one client per process on globalThis.
const globalForDb = globalThis as unknown as { __db?: Promise<Db> };

/** The process-wide client (created on first use). */
export function db(): Promise<Db> {
  globalForDb.__db ??= createClient(env().DATABASE_URL).catch((error: unknown) => {
    globalForDb.__db = undefined;
    throw error;
  });
  return globalForDb.__db;
}
