// Builds a Prisma client for a DATABASE_URL. No `server-only` here: prisma/seed.ts and other
// scripts run it under plain Node. The app gets its one client through lib/db.ts.
//
// The provider follows the URL: a `file:` URL is an embedded SQLite file (better-sqlite3), a
// `postgres://` URL is PostgreSQL (pg). Only the configured driver is ever imported, so a
// Postgres deployment never loads better-sqlite3. Both generated clients share one model, so the
// SQLite client's types describe either.
import type { PrismaClient } from '../generated/sqlite/client';
import { databaseProviderOf } from '../database-url.mjs';

export type Db = PrismaClient;

export async function createPrismaClient(url: string): Promise<Db> {
  if (databaseProviderOf(url) === 'postgres') {
    const [{ PrismaClient: PostgresClient }, { PrismaPg }] = await Promise.all([
      import('../generated/postgres/client'),
      import('@prisma/adapter-pg'),
    ]);
    // A small pool per instance: on Vercel many instances share the database's connection limit.
    const adapter = new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  const [{ PrismaClient: SqliteClient }, { PrismaBetterSqlite3 }] = await Promise.all([
    import('../generated/sqlite/client'),
    import('@prisma/adapter-better-sqlite3'),
  ]);
  // busy timeout: concurrent writers wait for the lock instead of failing at once.
  const adapter = new PrismaBetterSqlite3({ url, timeout: 10_000 });
  const client = new SqliteClient({ adapter });
  await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await client.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return client;
}
