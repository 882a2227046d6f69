// queryRows (the hot path's raw reads, handed to the driver adapter) against real databases: the
// rows must be exactly what Prisma's $queryRaw returns for the same statement, column type by
// column type, on SQLite and on Postgres; parameters stay parameters; a failing statement fails.
import { sqltag as sql } from '@prisma/client/runtime/client';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { queryRows } from '@/lib/db/client';
import { rejectionOf, useOwnDatabase } from '@/test/db-client';
import { isDatabaseUnavailable } from './errors';

const provider = inject('databaseProvider');

describe(`queryRows (${provider})`, () => {
  const own = useOwnDatabase(provider);

  beforeAll(async () => {
    await own.client.user.createMany({
      data: [
        { id: 'u-verified', email: 'ada@example.com', name: 'Ada “Lovelace” 100%', emailVerifiedAt: new Date('2026-03-04T05:06:07.089Z'), tokensValidAfter: new Date('2026-01-02T03:04:05.678Z') },
        { id: 'u-new', email: 'bob@example.com', name: 'Bob', tokensValidAfter: new Date(0) },
      ],
    });
    await own.client.product.createMany({
      data: [
        { id: 'p1', slug: 'mug', name: 'Mug', description: 'A mug', priceCents: 1850, imageUrl: '/m.svg', stock: 3 },
        { id: 'p2', slug: 'lamp', name: 'Lamp', description: 'A lamp', priceCents: 4200, imageUrl: '/l.svg', stock: 0 },
      ],
    });
  });

  // Text, a nullable date-time, a date-time, an integer column, 64-bit integer expressions (COUNT,
  // SUM, EXISTS) and a boolean expression: the column types of the app's hot reads.
  const everyType = (userId: string) => sql`
    SELECT u."id", u."name", u."emailVerifiedAt", u."tokensValidAfter", (u."emailVerifiedAt" IS NOT NULL) AS "verified",
           EXISTS (SELECT 1 FROM "RevokedToken" r WHERE r."userId" = u."id") AS "revoked",
           (SELECT COUNT(*) FROM "Product") AS "products",
           (SELECT SUM(p."priceCents") FROM "Product" p) AS "sum",
           (SELECT p."priceCents" FROM "Product" p WHERE p."slug" = 'mug') AS "price"
    FROM "User" u WHERE u."id" = ${userId}`;

  it('returns what $queryRaw returns, on the connection the client opened, without going through $queryRaw', async () => {
    await own.client.user.count(); // opens the connection queryRows uses
    for (const id of ['u-verified', 'u-new']) {
      const expected = await own.client.$queryRaw(everyType(id));
      const viaPrisma = vi.spyOn(own.client, '$queryRaw');
      const rows = await queryRows(own.client, everyType(id));
      expect(viaPrisma).not.toHaveBeenCalled();
      viaPrisma.mockRestore();
      expect(rows).toEqual(expected);
    }
    // A boolean column (SQLite stores 0/1 and declares BOOLEAN; Postgres has the type).
    await own.client.cart.create({ data: { id: 'cart-1', mergeCapped: true } });
    const booleanColumn = sql`SELECT "id", "mergeCapped", "createdAt" FROM "Cart"`;
    const carts = await queryRows(own.client, booleanColumn);
    expect(carts).toEqual(await own.client.$queryRaw(booleanColumn));
    expect(carts).toMatchObject([{ id: 'cart-1', mergeCapped: true }]);
    const [verified] = await queryRows<{ emailVerifiedAt: Date; tokensValidAfter: Date; products: bigint; name: string }>(own.client, everyType('u-verified'));
    expect(verified!.emailVerifiedAt).toEqual(new Date('2026-03-04T05:06:07.089Z'));
    expect(verified!.tokensValidAfter.toISOString()).toBe('2026-01-02T03:04:05.678Z');
    expect(verified!.products).toBe(2n);
    expect(verified!.name).toBe('Ada “Lovelace” 100%');
  });

  it('binds strings, numbers, booleans, dates and null as parameters, never as SQL', async () => {
    const hostile = `x' OR '1'='1`;
    expect(await queryRows(own.client, sql`SELECT "id" FROM "User" WHERE "id" = ${hostile}`)).toEqual([]);
    const cheap = await queryRows<{ slug: string }>(own.client, sql`SELECT "slug" FROM "Product" WHERE "priceCents" < ${2000} ORDER BY "slug" LIMIT ${5}`);
    expect(cheap).toEqual([{ slug: 'mug' }]);
    const since = await queryRows<{ id: string }>(own.client, sql`SELECT "id" FROM "User" WHERE "tokensValidAfter" > ${new Date('2026-01-01T00:00:00Z')}`);
    expect(since).toEqual([{ id: 'u-verified' }]);
    const flagged = await queryRows<{ flag: boolean }>(own.client, sql`SELECT (${true} = ${true}) AS "flag"`);
    expect(flagged).toEqual(await own.client.$queryRaw(sql`SELECT (${true} = ${true}) AS "flag"`));
    const fallback = sql`SELECT COALESCE(${null}, 'none') AS "value"`;
    expect(await queryRows(own.client, fallback)).toEqual([{ value: 'none' }]);
    await expect(queryRows(own.client, sql`SELECT ${{ not: 'a parameter' }} AS "x"`)).rejects.toThrow(/unsupported parameter/);
  });

  it('fails a statement the database refuses, and that is not an outage', async () => {
    const error = await rejectionOf(queryRows(own.client, sql`SELECT "nope" FROM "NoSuchTable"`));
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('goes through $queryRaw on a client whose connection is not open yet, with the same rows', async () => {
    await own.client.$disconnect();
    const viaPrisma = vi.spyOn(own.client, '$queryRaw');
    const rows = await queryRows(own.client, everyType('u-verified'));
    expect(viaPrisma).toHaveBeenCalledTimes(1);
    viaPrisma.mockRestore();
    expect(rows).toEqual(await queryRows(own.client, everyType('u-verified')));
  });
});
