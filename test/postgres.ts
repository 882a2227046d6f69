// The PostgreSQL server the tests use, and the one probe of whether it is up. Read by
// vitest.config.ts (leave the int-postgres project out locally when it is down), the int global
// setup (fail loudly when it is down anyway) and the throwaway-database helpers.
import pg from 'pg';
import { redactDatabaseUrl } from '../lib/database-url.mjs';

/** Admin connection used to create and drop test databases (trust auth locally and in CI). */
export function adminPostgresUrl(): string {
  return process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** The admin URL without its password, for notices. */
export function adminPostgresLabel(): string {
  return redactDatabaseUrl(adminPostgresUrl());
}

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminPostgresUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
