// Throwaway, fully migrated databases for integration tests, so each test file gets a clean
// schema built by the same migrations production uses (never `db push`).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseProvider } from '../lib/database-url.mjs';
import { applyMigrations } from '../lib/db/migrate';
import { adminPostgresUrl } from './postgres';

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminPostgresUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** `migrate: false` gives an empty database, for testing the migration runner itself. */
export async function createTestDatabase(
  provider: DatabaseProvider,
  options: { migrate?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const migrate = options.migrate ?? true;
  const suffix = randomBytes(6).toString('hex');
  if (provider === 'sqlite') {
    const file = join(tmpdir(), `jwtshop_test_${suffix}.db`);
    const url = `file:${file}`;
    if (migrate) await applyMigrations({ url });
    return {
      url,
      // WAL mode leaves -wal/-shm companions behind.
      drop: async () => {
        for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      },
    };
  }

  const name = `jwtshop_test_${suffix}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminPostgresUrl());
  url.pathname = `/${name}`;
  try {
    if (migrate) await applyMigrations({ url: url.toString() });
  } catch (error) {
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    throw error;
  }
  return {
    url: url.toString(),
    // FORCE: a test that forgot to disconnect its pool must not leave the database behind.
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
