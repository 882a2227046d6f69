// A throwaway SQLite database for the bench: migrated by the project's own runner
// (lib/db/migrate.ts), seeded with the catalogue, plus users and revoked-token rows written
// straight through better-sqlite3 (one transaction per batch: a million rows in seconds).
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations, sqlitePathOf } from '../lib/db/migrate';
import { createPrismaClient } from '../lib/db/client';
import { uuidv7 } from '../lib/auth/tokens';
import { seed } from '../prisma/seed';

export interface TempDatabase {
  url: string;
  path: string;
  drop(): void;
}

export async function createTempDatabase(dir: string, label: string): Promise<TempDatabase> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${label}-${randomBytes(4).toString('hex')}.db`);
  const url = `file:${path}`;
  await applyMigrations({ url });
  const prisma = await createPrismaClient(url);
  try {
    await seed(prisma);
  } finally {
    await prisma.$disconnect();
  }
  return {
    url,
    path,
    drop: () => {
      for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    },
  };
}

/** DateTime as Prisma's SQLite adapter writes it by default (ISO 8601 with +00:00). */
function sqliteTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

function open(url: string): Database.Database {
  const db = new Database(sqlitePathOf(url));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 10000');
  return db;
}

/**
 * Inserts `count` users and returns them. `passwordHash` defaults to a value no password matches
 * (for rows that only own revoked tokens); pass a real bcrypt hash for users who sign in.
 */
export function insertUsers(url: string, count: number, passwordHash = 'x'): { id: string; email: string }[] {
  const db = open(url);
  try {
    const tag = randomBytes(4).toString('hex');
    const users = Array.from({ length: count }, (_, i) => ({ id: `bench-${tag}-${i}`, email: `bench-${tag}-${i}@example.com` }));
    const insert = db.prepare(
      'INSERT INTO "User" (id, email, name, passwordHash, tokensValidAfter, createdAt) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const past = sqliteTime(Date.now() - 3_600_000);
    db.transaction(() => {
      users.forEach((u, i) => insert.run(u.id, u.email, `Bench user ${i}`, passwordHash, past, past));
    })();
    return users;
  } finally {
    db.close();
  }
}

/** Adds revoked-token rows, still in force (expiry an hour ahead), spread over `userIds`. */
export function insertRevokedTokens(url: string, count: number, userIds: string[]): void {
  const db = open(url);
  try {
    const insert = db.prepare(
      'INSERT INTO "RevokedToken" (jti, userId, kind, reason, expiresAt, revokedAt) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const now = Date.now();
    const [revokedAt, expiresAt] = [sqliteTime(now), sqliteTime(now + 3_600_000)];
    const batch = 100_000;
    for (let done = 0; done < count; done += batch) {
      const n = Math.min(batch, count - done);
      db.transaction(() => {
        for (let i = 0; i < n; i++) {
          insert.run(uuidv7(now - (done + i)), userIds[(done + i) % userIds.length]!, 'access', 'logout', expiresAt, revokedAt);
        }
      })();
    }
  } finally {
    db.close();
  }
}

export function countRows(url: string, table: string): number {
  const db = open(url);
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}
