// pingDatabase (the health check's round trip) against real databases: on the connection the
// client's own queries opened, through Prisma before there is one, and what an outage looks like
// to the caller (lib/db/errors.ts must call it one, so /api/health answers 503, not 500). An
// outage on an open connection is the cluster suite's "database down" test (a cut proxy).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, pingDatabase, type Db } from '@/lib/db/client';
import { createTestDatabase } from '@/test/database';
import { isDatabaseUnavailable } from './errors';

const provider = inject('databaseProvider');

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the ping succeeded'),
    (error: unknown) => error,
  );
}

describe(`pingDatabase (${provider})`, () => {
  let client: Db;
  let drop = async () => {};
  beforeAll(async () => {
    const database = await createTestDatabase(provider);
    drop = database.drop;
    client = await createPrismaClient(database.url);
  });
  afterAll(async () => {
    await client?.$disconnect();
    await drop();
  });

  it('answers on a fresh client (through Prisma) and on the connection its queries opened', async () => {
    await expect(pingDatabase(client)).resolves.toBeUndefined();
    expect(await client.user.count()).toBe(0);
    await expect(pingDatabase(client)).resolves.toBeUndefined();
  });

  it('opens a new connection after a disconnect instead of using the closed one', async () => {
    await client.user.count();
    await client.$disconnect();
    await expect(pingDatabase(client)).resolves.toBeUndefined();
    expect(await client.user.count()).toBe(0);
  });
});

describe("pingDatabase after Postgres ended the pool's connections", () => {
  // Its own Postgres database, so this runs in the SQLite project too: nothing here is skipped.
  let client: Db;
  let url = '';
  let drop = async () => {};
  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase('postgres'));
    client = await createPrismaClient(url);
  });
  afterAll(async () => {
    await client?.$disconnect();
    await drop();
  });

  it('answers on a new connection, as after a restart of the server', async () => {
    await client.user.count();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const ended = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      expect(ended.rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // The pool drops the ended connections and opens a new one; the ping never meets a dead one.
    await expect(pingDatabase(client)).resolves.toBeUndefined();
    expect(await client.user.count()).toBe(0);
  });
});

describe('pingDatabase on a Postgres that cannot be reached', () => {
  it('is an outage, not an unexpected error', async () => {
    // Port 1 on the loopback: nothing listens, the connection is refused at once.
    const unreachable = await createPrismaClient('postgres://postgres@127.0.0.1:1/nowhere');
    try {
      expect(isDatabaseUnavailable(await failure(pingDatabase(unreachable)))).toBe(true);
    } finally {
      await unreachable.$disconnect();
    }
  });
});
