// A Prisma client built exactly like lib/db/client.ts builds the app's (same generated client,
// same better-sqlite3 adapter and pragmas) but with query events on, so the bench can count the
// SQL statements (database round trips) one call makes. Swapped in for lib/db.ts's client only
// while counting: the event plumbing is not part of the timed figures.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../lib/generated/sqlite/client';

export interface QueryCounter {
  client: PrismaClient;
  /** Runs `fn` and returns the SQL statements it sent. */
  record(fn: () => Promise<unknown>): Promise<string[]>;
}

export async function createQueryCounter(url: string): Promise<QueryCounter> {
  const client = new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url, timeout: 10_000 }),
    log: [{ emit: 'event', level: 'query' }],
  });
  let sink: string[] | null = null;
  client.$on('query', (event) => sink?.push(event.query));
  await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await client.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return {
    client,
    async record(fn) {
      const seen: string[] = [];
      sink = seen;
      try {
        await fn();
        // Query events are emitted asynchronously; let them drain.
        await new Promise((resolve) => setTimeout(resolve, 20));
      } finally {
        sink = null;
      }
      return seen;
    },
  };
}

/** Points lib/db.ts's process-wide client at `client` until the returned function is called. */
export function swapAppClient(client: unknown): () => void {
  const slot = globalThis as unknown as { __db?: Promise<unknown> };
  const previous = slot.__db;
  slot.__db = Promise.resolve(client);
  return () => {
    slot.__db = previous;
  };
}
