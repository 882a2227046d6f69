// Applies prisma/<provider>/migrations the way `prisma migrate deploy` does, without Prisma's
// native schema engine (which cannot be downloaded here; see docs/deploy.md; Prisma 7 downloads it for
// migrate, db push and generate). Both tools share Prisma's
// `_prisma_migrations` table, checksums and (on Postgres) advisory lock key, so either can be
// used on the same database and each sees what the other applied.
//
// Plain Node on purpose (no `server-only`, no Next imports): run by scripts/migrate.ts and tests.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { databaseProviderOf, type DatabaseProvider } from '../database-url.mjs';

export interface ApplyMigrationsOptions {
  url: string;
  log?: (line: string) => void;
  /** Defaults to prisma/<provider>/migrations in this repository. */
  migrationsDir?: string;
}

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Prisma's own definitions (schema-engine sql-schema-connector), so `prisma migrate deploy`
// finds a table it recognises. IF NOT EXISTS because either tool may have created it first.
const MIGRATIONS_TABLE: Record<DatabaseProvider, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
  postgres: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`,
};

// The key Prisma's schema engine locks on Postgres: sharing it serialises this runner with
// `prisma migrate deploy` as well as with another copy of itself.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

/** Prisma's checksum: sha256 (hex) of the migration.sql bytes. */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort() // timestamp-prefixed names: lexical order is apply order, as in Prisma
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: migrationChecksum(sql) };
    });
}

/** Throws on anything Prisma would also refuse to build on: failed or edited migrations. */
function pendingMigrations(migrations: Migration[], rows: AppliedRow[]): Migration[] {
  const live = rows.filter((r) => r.rolled_back_at == null);
  const failed = live.find((r) => r.finished_at == null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} failed earlier and is recorded as unfinished; ` +
        'fix the database, then mark it with `prisma migrate resolve`.',
    );
  }
  const byName = new Map(live.map((r) => [r.migration_name, r]));
  for (const m of migrations) {
    const row = byName.get(m.name);
    if (row && row.checksum !== m.checksum) {
      throw new Error(
        `Migration ${m.name} was modified after it was applied (checksum ${row.checksum} in the ` +
          `database, ${m.checksum} on disk). Add a new migration instead of editing an applied one.`,
      );
    }
  }
  return migrations.filter((m) => !byName.has(m.name));
}

export async function applyMigrations(options: ApplyMigrationsOptions): Promise<{ applied: string[] }> {
  const provider = databaseProviderOf(options.url);
  const dir = options.migrationsDir ?? join(repoRoot, 'prisma', provider, 'migrations');
  const migrations = readMigrations(dir);
  const log = options.log ?? (() => {});
  return provider === 'sqlite'
    ? applySqlite(sqlitePathOf(options.url), migrations, log)
    : applyPostgres(options.url, migrations, log);
}

/** A relative `file:` URL is relative to the working directory, like the app's own client. */
export function sqlitePathOf(url: string): string {
  if (url.startsWith('file://')) return fileURLToPath(url.split('?')[0]!);
  return resolve(process.cwd(), url.slice('file:'.length).split('?')[0]!);
}

// The text form Prisma's engine writes into _prisma_migrations on SQLite (RFC 3339, +00:00).
function prismaSqliteTimestamp(): string {
  return new Date().toISOString().replace('Z', '+00:00');
}

function applySqlite(path: string, migrations: Migration[], log: (line: string) => void) {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  const applied: string[] = [];
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    // Off while migrating: Prisma's SQLite "redefine table" migrations drop and recreate
    // tables, and with enforcement on that DROP would cascade-delete child rows. Integrity is
    // checked with foreign_key_check before each commit instead.
    db.pragma('foreign_keys = OFF');
    db.exec(MIGRATIONS_TABLE.sqlite);
    for (const m of migrations) {
      // IMMEDIATE takes the write lock before re-reading the history, so a second process
      // migrating at the same moment waits and then finds the migration already applied.
      const didApply = db
        .transaction(() => {
          const rows = db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"').all() as AppliedRow[];
          if (!pendingMigrations([m], rows).length) return false;
          const startedAt = prismaSqliteTimestamp();
          db.exec(m.sql);
          const violations = db.pragma('foreign_key_check') as unknown[];
          if (violations.length) throw new Error(`Migration ${m.name} leaves ${violations.length} foreign key violation(s)`);
          db.prepare(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
             VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
          ).run(randomUUID(), m.checksum, prismaSqliteTimestamp(), m.name, startedAt);
          return true;
        })
        .immediate();
      if (didApply) {
        applied.push(m.name);
        log(`Applied migration ${m.name}`);
      }
    }
    db.pragma('foreign_keys = ON');
  } catch (error) {
    throw new Error(`SQLite migration of ${path} failed: ${(error as Error).message}`, { cause: error });
  } finally {
    db.close();
  }
  return { applied };
}

async function applyPostgres(url: string, migrations: Migration[], log: (line: string) => void) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  let current = '';
  try {
    // Honour Prisma's `?schema=` URL parameter, which pg itself ignores.
    const schema = new URL(url).searchParams.get('schema');
    if (schema) {
      const quoted = `"${schema.replaceAll('"', '""')}"`;
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}; SET search_path TO ${quoted}`);
    }
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
    await client.query(MIGRATIONS_TABLE.postgres);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
    );
    for (const m of pendingMigrations(migrations, rows)) {
      current = m.name;
      // One transaction per migration (Postgres DDL is transactional): a failure leaves no
      // half-applied migration and no row, so fixing the SQL and re-running just works.
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, NULL, NULL, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(m.name);
      log(`Applied migration ${m.name}`);
    }
  } catch (error) {
    const where = current ? ` (migration ${current})` : '';
    throw new Error(`Postgres migration failed${where}: ${(error as Error).message}`, { cause: error });
  } finally {
    // Ending the session releases the advisory lock too.
    await client.end().catch(() => {});
  }
  return { applied };
}
