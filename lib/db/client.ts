// Builds a Prisma client for a DATABASE_URL. No `server-only` here: prisma/seed.ts and other
// scripts run it under plain Node. The app gets its one client through lib/db.ts.
//
// The provider follows the URL: a `file:` URL is an embedded SQLite file (better-sqlite3), a
// `postgres://` URL is PostgreSQL (pg). Only the configured driver is ever imported, so a
// Postgres deployment never loads better-sqlite3. Both generated clients share one model, so the
// SQLite client's types describe either.
import { sqltag as sql, type Sql, type SqlDriverAdapterFactory } from '@prisma/client/runtime/client';
import type { PrismaClient } from '../generated/sqlite/client';
import { databaseProviderOf } from '../database-url.mjs';

export type Db = PrismaClient;
type SqlDriverAdapter = Awaited<ReturnType<SqlDriverAdapterFactory['connect']>>;

type ConnectionSlot = { current?: SqlDriverAdapter };

/**
 * The connection each client's driver adapter opened (Prisma opens it on the first query). Kept
 * on globalThis: Next bundles this module once per layer (route handlers, server components), and
 * the one client of the process (lib/db.ts) is made by whichever copy runs first.
 */
const globalForConnections = globalThis as unknown as { __dbConnections?: WeakMap<Db, ConnectionSlot> };
const connections = (globalForConnections.__dbConnections ??= new WeakMap<Db, ConnectionSlot>());

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

const SELECT_ONE = sql`SELECT 1`;

/**
 * The health check's `SELECT 1`, through queryRows: on the connection (or pool) the client's own
 * queries use, handed to the driver adapter directly, since a statement without a model gives
 * Prisma's client nothing to plan or map, and its path was most of the cost of a health check
 * (31 -> 7 us a call in a plain loop; /api/health 1.21x in an A/B of 8 rounds). Fails the way the
 * driver fails (lib/db/errors.ts reads a DriverAdapterError's kind).
 */
export async function pingDatabase(client: Db): Promise<void> {
  await queryRows(client, SELECT_ONE);
}

/**
 * A raw read on every request's path (the session check, the header's cart count, the catalogue
 * and /orders' list), built with Prisma's `sql` tag, handed to the driver adapter on the client's
 * own connection as pingDatabase does. Prisma's `$queryRaw` spends more on planning the call and
 * mapping its rows than the database spends on the statement: the session check's statement takes
 * 125 us a call through `$queryRaw` against 49 us here (a plain loop, SQLite). Until a first query
 * opened the connection, it goes through `$queryRaw`.
 *
 * Rows come back as `$queryRaw` returns them for the column types these reads use (text, integers,
 * 64-bit integers as bigint, floats, booleans, date-times as Date); another type throws rather than
 * arrive in a shape the caller did not expect. Parameters: strings, numbers, booleans, Dates, null.
 * Prisma's query events (`log: [{ level: 'query' }]`) do not see these statements; a client not
 * made by createPrismaClient (the bench's statement counter, bench/query-counter.ts) takes the
 * `$queryRaw` path, so its counts still hold.
 */
export async function queryRows<T>(client: Db, statement: Sql): Promise<T[]> {
  const connection = connections.get(client)?.current;
  if (!connection) return client.$queryRaw<T[]>(statement);
  const result = await connection.queryRaw({
    // `?` for SQLite; Postgres numbers its parameters ($1, $2, …).
    sql: connection.provider === 'postgres' ? statement.text : statement.sql,
    args: statement.values,
    argTypes: statement.values.map(argType),
  });
  const { columnNames, columnTypes } = result;
  return result.rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < columnNames.length; i++) record[columnNames[i]!] = columnValue(row[i], columnTypes[i]!, columnNames[i]!);
    return record as T;
  });
}

type ArgType = Parameters<SqlDriverAdapter['queryRaw']>[0]['argTypes'][number];

function argType(value: unknown): ArgType {
  if (value === null) return { scalarType: 'unknown', arity: 'scalar' };
  if (typeof value === 'string') return { scalarType: 'string', arity: 'scalar' };
  if (typeof value === 'number') return { scalarType: Number.isInteger(value) ? 'int' : 'float', arity: 'scalar' };
  if (typeof value === 'boolean') return { scalarType: 'boolean', arity: 'scalar' };
  if (value instanceof Date) return { scalarType: 'datetime', arity: 'scalar' };
  throw new TypeError(`queryRows: unsupported parameter ${typeof value}`);
}

// The adapters' column types (ColumnTypeEnum of @prisma/driver-adapter-utils).
const INT32 = 0, INT64 = 1, FLOAT = 2, DOUBLE = 3, BOOLEAN = 5, CHARACTER = 6, TEXT = 7, DATE = 8, DATETIME = 10, ENUM = 12, UUID = 15;

function columnValue(value: unknown, type: number, column: string): unknown {
  if (value === null) return null;
  switch (type) {
    case TEXT:
    case CHARACTER:
    case ENUM:
    case UUID:
      return value;
    case INT32:
    case FLOAT:
    case DOUBLE:
      return Number(value);
    case INT64:
      return BigInt(value as number | string | bigint);
    case BOOLEAN:
      return typeof value === 'boolean' ? value : Number(value) !== 0;
    case DATE:
    case DATETIME:
      return new Date(value as string | number);
    default:
      throw new TypeError(`queryRows: column "${column}" has a type this reader does not map (${type})`);
  }
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
