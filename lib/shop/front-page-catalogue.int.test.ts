// The prerendered front page lists the catalogue in code (front-page-catalogue.ts), sorted in
// JavaScript; the page rendered per request, and its page 2, list the database's. They must agree,
// or a visitor would see a product twice, or never, between page 1 and page 2. So: a fresh
// database of each kind, seeded as a deployment is, must list the same first page in the same
// order (under that database's own collation), with the same shelves and counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseProvider } from '@/lib/database-url.mjs';
import { createPrismaClient, type Db } from '@/lib/db/client';
import { PAGE_SIZE } from '@/lib/validation/catalogue';
import { seed } from '@/prisma/seed';
import { createTestDatabase } from '@/test/database';
import { frontPageCatalogue } from './front-page-catalogue';

const provider = (process.env.TEST_DB_PROVIDER ?? 'sqlite') as DatabaseProvider;
let prisma: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase(provider);
  drop = database.drop;
  prisma = await createPrismaClient(database.url);
  await seed(prisma);
}, 60_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await drop?.();
});

describe(`the prerendered front page's catalogue against a seeded ${provider} database`, () => {
  it('lists the first page by name as the database sorts it, with the same details', async () => {
    const rows = await prisma.product.findMany({
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: PAGE_SIZE,
      select: { slug: true, name: true, description: true, priceCents: true, imageUrl: true },
    });
    const fromCode = frontPageCatalogue();
    expect(fromCode.products.map(({ slug, name, description, priceCents, imageUrl }) => ({ slug, name, description, priceCents, imageUrl }))).toEqual(rows);
    expect(fromCode.products.every((product) => product.stock === 'live')).toBe(true);
    const total = await prisma.product.count();
    expect({ total: fromCode.total, pageCount: fromCode.pageCount }).toEqual({ total, pageCount: Math.ceil(total / PAGE_SIZE) });
  });

  it('lists the same shelves, by name, with the same counts', async () => {
    const shelves = await prisma.category.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { slug: true, name: true, _count: { select: { products: true } } } });
    expect(frontPageCatalogue().categories).toEqual(shelves.map(({ slug, name, _count }) => ({ slug, name, count: _count.products })));
  });
});
