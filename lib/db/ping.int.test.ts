// pingDatabase (the health check's round trip) against real databases: on the connection the
// client's own queries opened, through Prisma before there is one, and what an outage looks like
// to the caller (lib/db/errors.ts must call it one, so /api/health answers 503, not 500). An
// outage on an open connection is the cluster suite's "database down" test (a cut proxy).
import pg from 'pg';
import { describe, expect, inject, it, vi } from 'vitest';
import { createPrismaClient, pingDatabase } from '@/lib/db/client';
import { UNREACHABLE_POSTGRES_URL, rejectionOf, useOwnDatabase } from '@/test/db-client';
import { isDatabaseUnavailable } from './errors';

const provider = inject('databaseProvider');

describe(`pingDatabase (${provider})`, () => {
  const own = useOwnDatabase(provider);

  it('answers on a fresh client (through Prisma) and on the connection its queries opened', async () => {
    await expect(pingDatabase(own.client)).resolves.toBeUndefined();
    expect(await own.client.user.count()).toBe(0);
    await expect(pingDatabase(own.client)).resolves.toBeUndefined();
  });

  it('opens a new connection after a disconnect instead of using the closed one', async () => {
    await own.client.user.count();
    await own.client.$disconnect();
    await expect(pingDatabase(own.client)).resolves.toBeUndefined();
    expect(await own.client.user.count()).toBe(0);
  });
});

describe("pingDatabase after Postgres ended the pool's connections", () => {
  // Its own Postgres database, so this runs in the SQLite project too: nothing here is skipped.
  const own = useOwnDatabase('postgres');

  it('answers on a new connection, as after a restart of the server', async () => {
    await own.client.user.count();
    const admin = new pg.Client({ connectionString: own.url });
    await admin.connect();
    try {
      const otherBackends = 'FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()';
      const ended = await admin.query(`SELECT pg_terminate_backend(pid) ${otherBackends}`);
      expect(ended.rowCount).toBeGreaterThan(0);
      // pg_terminate_backend only signals. Wait until those backends are gone, as once a restart
      // is over: by then each has told its client, and the pool has heard it on its event loop.
      // (A ping sent in the instant between would meet the dying connection: what a request
      // during the restart itself meets, a 503.)
      await vi.waitFor(async () => expect(Number((await admin.query(`SELECT count(*) AS n ${otherBackends}`)).rows[0].n)).toBe(0), {
        timeout: 10_000,
        interval: 20,
      });
    } finally {
      await admin.end();
    }
    // The pool drops the ended connections and opens a new one; the ping never meets a dead one.
    await expect(pingDatabase(own.client)).resolves.toBeUndefined();
    expect(await own.client.user.count()).toBe(0);
  });
});

describe('pingDatabase on a Postgres that cannot be reached', () => {
  it('is an outage, not an unexpected error', async () => {
    const unreachable = await createPrismaClient(UNREACHABLE_POSTGRES_URL);
    try {
      expect(isDatabaseUnavailable(await rejectionOf(pingDatabase(unreachable)))).toBe(true);
    } finally {
      await unreachable.$disconnect();
    }
  });
});
