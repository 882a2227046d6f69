// The guest-cart migration keeps the carts people already had: a database migrated up to the
// migration before it, holding user-keyed cart lines, comes out with the same lines in one Cart
// per user, products on their shelves with their search text. Per provider (TEST_DB_PROVIDER).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations, sqlitePathOf } from '@/lib/db/migrate';
import type { DatabaseProvider } from '@/lib/database-url.mjs';
import { createTestDatabase } from '@/test/database';

const MIGRATION = '20261130120000_guest_cart_catalogue';
const provider = (process.env.TEST_DB_PROVIDER ?? 'sqlite') as DatabaseProvider;
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs statements against the test database with the provider's own driver. */
async function withDatabase<T>(url: string, work: (run: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  if (provider === 'sqlite') {
    const sqlite = new Database(sqlitePathOf(url));
    try {
      return await work(async (sql) => (/^\s*select/i.test(sql) ? (sqlite.prepare(sql).all() as Record<string, unknown>[]) : (sqlite.exec(sql), [])));
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(async (sql) => (await client.query(sql)).rows as Record<string, unknown>[]);
  } finally {
    await client.end();
  }
}

describe(`migration ${MIGRATION} (${provider})`, () => {
  it('moves existing user-keyed cart lines into one Cart per user, and places existing products', async () => {
    const all = join(root, 'prisma', provider, 'migrations');
    const before = mkdtempSync(join(tmpdir(), 'migrations-before-'));
    for (const { name } of readMigrations(all).filter((m) => m.name < MIGRATION)) cpSync(join(all, name), join(before, name), { recursive: true });
    const database = await createTestDatabase(provider, { migrate: false });
    try {
      await applyMigrations({ url: database.url, migrationsDir: before });
      await withDatabase(database.url, async (run) => {
        await run(`INSERT INTO "User" ("id", "email", "name", "passwordHash") VALUES ('u1', 'one@example.test', 'One', 'x'), ('u2', 'two@example.test', 'Two', 'x'), ('u3', 'three@example.test', 'Three', 'x')`);
        await run(`INSERT INTO "Product" ("id", "slug", "name", "description", "priceCents", "imageUrl", "stock") VALUES
          ('p1', 'aurora-mug', 'Aurora Mug', 'A MUG', 1800, '/images/products/aurora-mug.svg', 40),
          ('p2', 'compass-keyring', 'Compass Keyring', 'Brass', 1200, '/images/products/compass-keyring.svg', 5),
          ('p3', 'not-catalogued', 'Odd Thing', 'Unlisted', 100, '/x.svg', 1)`);
        await run(`INSERT INTO "CartItem" ("id", "userId", "productId", "quantity") VALUES ('i1', 'u1', 'p1', 2), ('i2', 'u1', 'p2', 1), ('i3', 'u2', 'p1', 7)`);
      });

      const { applied } = await applyMigrations({ url: database.url });
      expect(applied).toContain(MIGRATION);

      await withDatabase(database.url, async (run) => {
        const carts = await run(`SELECT "id", "userId", "mergeCapped" FROM "Cart" ORDER BY "userId"`);
        expect(carts.map((c) => c.userId)).toEqual(['u1', 'u2']);
        expect(carts.every((c) => typeof c.id === 'string' && (c.id as string).length > 10 && !c.mergeCapped)).toBe(true);
        const lines = await run(`SELECT ci."id", c."userId", ci."productId", ci."quantity" FROM "CartItem" ci JOIN "Cart" c ON c."id" = ci."cartId" ORDER BY ci."id"`);
        expect(lines.map((l) => [l.id, l.userId, l.productId, Number(l.quantity)])).toEqual([
          ['i1', 'u1', 'p1', 2],
          ['i2', 'u1', 'p2', 1],
          ['i3', 'u2', 'p1', 7],
        ]);
        const products = await run(`SELECT p."slug", c."slug" AS "category", p."searchText" FROM "Product" p LEFT JOIN "Category" c ON c."id" = p."categoryId" ORDER BY p."slug"`);
        expect(products).toEqual([
          { slug: 'aurora-mug', category: 'kitchen', searchText: 'aurora mug a mug' },
          { slug: 'compass-keyring', category: 'outdoors', searchText: 'compass keyring brass' },
          { slug: 'not-catalogued', category: null, searchText: 'odd thing unlisted' },
        ]);
        // The old per-user uniqueness became per cart: a second line of p1 in u1's cart is refused.
        const u1Cart = carts[0]!.id as string;
        await expect(run(`INSERT INTO "CartItem" ("id", "cartId", "productId", "quantity") VALUES ('dup', '${u1Cart}', 'p1', 1)`)).rejects.toThrow();
      });
    } finally {
      rmSync(before, { recursive: true, force: true });
      await database.drop();
    }
  });
});
