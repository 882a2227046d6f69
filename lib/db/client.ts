// Builds a Prisma client for a DATABASE_URL. No `server-only` here: prisma/seed.ts and other
// scripts run it under plain Node. The app gets its one client through lib/db.ts.
//
// The provider follows the URL: a `file:` URL is an embedded SQLite file (better-sqlite3), a
// `postgres://` URL is PostgreSQL (pg). Only the configured driver is ever imported, so a
// Postgres deployment never loads better-sqlite3. Both generated clients share one model, so the
// SQLite client's types describe either.
import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client';
import type { PrismaClient } from '../generated/sqlite/client';
import { databaseProviderOf } from '../database-url.mjs';

export type Db = PrismaClient;
type SqlDriverAdapter = Awaited<ReturnType<SqlDriverAdapterFactory['connect']>>;

type ConnectionSlot = { current?: SqlDriverAdapter };

/** The connection each client's driver adapter opened (Prisma opens it on the first query). */
const connections = new WeakMap<Db, ConnectionSlot>();

/** The adapter factory, remembering in `slot` the connection Prisma opens through it, until it closes it. */
function remembering(factory: SqlDriverAdapterFactory, slot: ConnectionSlot): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = await factory.connect();
      const dispose = connection.dispose.bind(connection);
      connection.dispose = async () => {
        if (slot.current === connection) slot.current = undefined;
        await dispose();
      };
      return (slot.current = connection);
    },
  };
}

/**
 * The health check's `SELECT 1`, on the connection (or pool) the client's own queries use, handed
 * to the driver adapter directly: a statement without a model gives Prisma's client nothing to
 * plan or map, and its path was most of the cost of a health check (31 -> 7 us a call in a plain
 * loop; /api/health 1.21x in an A/B of 8 rounds). Fails the way the driver fails (lib/db/errors.ts
 * reads a DriverAdapterError's kind). Until a first query opened the connection, it goes through Prisma.
 */
export async function pingDatabase(client: Db): Promise<void> {
  const connection = connections.get(client)?.current;
  if (connection) await connection.queryRaw({ sql: 'SELECT 1', args: [], argTypes: [] });
  else await client.$executeRawUnsafe('SELECT 1');
}

export async function createPrismaClient(url: string): Promise<Db> {
  const slot: ConnectionSlot = {};
  const client = await clientOnDriver(url, (factory) => remembering(factory, slot));
  connections.set(client, slot);
  return client;
}

/** A client on the driver `url` names, its adapter factory passed through `wrap`. */
async function clientOnDriver(url: string, wrap: (factory: SqlDriverAdapterFactory) => SqlDriverAdapterFactory): Promise<Db> {
  if (databaseProviderOf(url) === 'postgres') {
    const [{ PrismaClient: PostgresClient }, { PrismaPg }] = await Promise.all([
      import('../generated/postgres/client'),
      import('@prisma/adapter-pg'),
    ]);
    // A small pool per instance: on Vercel many instances share the database's connection limit.
    const adapter = wrap(new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 }));
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  const [{ PrismaClient: SqliteClient }, { PrismaBetterSqlite3 }] = await Promise.all([
    import('../generated/sqlite/client'),
    import('@prisma/adapter-better-sqlite3'),
  ]);
  // busy timeout: concurrent writers wait for the lock instead of failing at once.
  const adapter = wrap(new PrismaBetterSqlite3({ url, timeout: 10_000 }));
  const client = new SqliteClient({ adapter });
  await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await client.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return client;
}
