// Catalogue search, filters, sorts and pages in the database (SQLite and Postgres), through the
// data layer and GET /api/products: results, bounds, and hostile queries handled as text.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as categoriesRoute } from '@/app/api/categories/route';
import { GET as productsRoute } from '@/app/api/products/route';
import { db } from '@/lib/db';
import { catalogueQuerySchema } from '@/lib/validation/catalogue';
import { searchProducts } from './products';
import { createProduct } from '@/test/shop-data';

const none = {} as never;
const query = (input: Record<string, unknown>) => searchProducts(catalogueQuerySchema.parse(input));
const api = (search: string) => productsRoute(new Request(`http://localhost:3000/api/products${search}`), none);

// A shelf of our own, so other test files' products never change these counts.
let shelf: string;
const tag = randomUUID().slice(0, 8);
beforeAll(async () => {
  const prisma = await db();
  shelf = `test-shelf-${tag}`;
  const { id } = await prisma.category.create({ data: { slug: shelf, name: 'Test shelf' } });
  const day = 86_400_000;
  const base = Date.UTC(2030, 0, 1);
  const rows = [
    { name: `Crème Brûlée Torch ${tag}`, description: 'Caramelises sugar.', priceCents: 2500 },
    { name: `ＦＵＬＬＷＩＤＴＨ Kettle ${tag}`, description: 'Boils water for ﬁve cups.', priceCents: 4000 },
    { name: `Percent Sign ${tag}`, description: 'Takes 100% of the blame, or 50_50.', priceCents: 100 },
    { name: `Quote Mark ${tag}`, description: `It's "quoted" with a back\\slash.`, priceCents: 700 },
  ];
  for (const [index, row] of rows.entries()) await createProduct({ ...row, categoryId: id, createdAt: new Date(base + index * day) });
  for (let index = 0; index < 26; index++) {
    await createProduct({ name: `Filler ${String(index).padStart(2, '0')} ${tag}`, priceCents: 1000 + index, categoryId: id, createdAt: new Date(base - (index + 1) * day) });
  }
});

describe('catalogue search', () => {
  it('matches every word, case-insensitively beyond ASCII and through NFKC', async () => {
    const names = async (q: string) => (await query({ q, category: shelf })).products.map((p) => p.name);
    expect(await names('CRÈME brûlée')).toEqual([`Crème Brûlée Torch ${tag}`]);
    expect(await names('fullwidth')).toEqual([`ＦＵＬＬＷＩＤＴＨ Kettle ${tag}`]);
    expect(await names('FIVE cups')).toEqual([`ＦＵＬＬＷＩＤＴＨ Kettle ${tag}`]);
    expect(await names('torch kettle')).toEqual([]);
    // Seeded data: two mugs, whatever the case.
    const mugs = await query({ q: 'MUG' });
    expect(mugs.products.map((p) => p.slug)).toEqual(expect.arrayContaining(['aurora-mug', 'ridge-camp-mug']));
  });

  it('treats %, _, quotes and backslashes as text', async () => {
    const names = async (q: string) => (await query({ q, category: shelf })).products.map((p) => p.name);
    expect(await names('%')).toEqual([`Percent Sign ${tag}`]);
    expect(await names('100%')).toEqual([`Percent Sign ${tag}`]);
    expect(await names('50_50')).toEqual([`Percent Sign ${tag}`]);
    expect(await names('_')).toEqual([`Percent Sign ${tag}`]);
    expect(await names(`it's`)).toEqual([`Quote Mark ${tag}`]);
    expect(await names('"quoted"')).toEqual([`Quote Mark ${tag}`]);
    expect(await names('back\\slash')).toEqual([`Quote Mark ${tag}`]);
    expect(await names(`' OR 1=1 --`)).toEqual([]);
  });

  it('filters by category, sorts four ways with stable pages of 12, and counts pages', async () => {
    const page1 = await query({ category: shelf, sort: 'price_asc' });
    expect(page1).toMatchObject({ page: 1, pageCount: 3, total: 30 });
    expect(page1.products).toHaveLength(12);
    const all = [];
    for (let page = 1; page <= 3; page++) all.push(...(await query({ category: shelf, sort: 'price_asc', page })).products);
    expect(all).toHaveLength(30);
    expect(new Set(all.map((p) => p.id)).size).toBe(30);
    const prices = all.map((p) => p.priceCents);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));

    const desc = (await query({ category: shelf, sort: 'price_desc', limit: 48 })).products.map((p) => p.priceCents);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const byName = (await query({ category: shelf, sort: 'name', limit: 48 })).products.map((p) => p.name);
    expect(byName[0]).toBe(`Crème Brûlée Torch ${tag}`);
    expect(byName.slice(1, 3)).toEqual([`Filler 00 ${tag}`, `Filler 01 ${tag}`]);
    const newest = (await query({ category: shelf, sort: 'newest', limit: 3 })).products.map((p) => p.name);
    expect(newest).toEqual([`Quote Mark ${tag}`, `Percent Sign ${tag}`, `ＦＵＬＬＷＩＤＴＨ Kettle ${tag}`]);

    const past = await query({ category: shelf, page: 9 });
    expect(past).toMatchObject({ products: [], page: 9, pageCount: 3, total: 30 });
    expect(await query({ category: 'no-such-shelf' })).toMatchObject({ products: [], total: 0, pageCount: 1 });
  });

  it('GET /api/products: the contract, a 10 kB hostile q answered as text, and bounds as 400s', async () => {
    const ok = await api(`?category=${shelf}&sort=newest&page=2&limit=5`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ page: 2, pageCount: 6, total: 30 });

    const hostile = `%' OR '1'='1 _ "; DROP TABLE "Product"; -- ${'é%_'.repeat(3500)}`;
    const big = await api(`?q=${encodeURIComponent(hostile)}`);
    expect(big.status).toBe(200);
    expect(await big.json()).toMatchObject({ products: [], total: 0 });
    expect((await api('?q=%25')).status).toBe(200);

    for (const bad of ['?limit=49', '?limit=0', '?page=0', '?page=abc', '?page=1.5', '?sort=price', '?page=1001', `?category=${'x'.repeat(65)}`]) {
      const response = await api(bad);
      expect(response.status, bad).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    }
    // Empty values mean "the default".
    expect((await api('?q=&category=&sort=&page=&limit=')).status).toBe(200);
    expect((await (await db()).product.count())).toBeGreaterThan(24);
  });

  it('GET /api/categories lists every shelf with its count', async () => {
    const response = await categoriesRoute(new Request('http://localhost:3000/api/categories'), none);
    const { categories } = (await response.json()) as { categories: { slug: string; name: string; count: number }[] };
    expect(categories.find((c) => c.slug === shelf)).toEqual({ slug: shelf, name: 'Test shelf', count: 30 });
    expect(categories.filter((c) => ['kitchen', 'desk', 'home', 'wear', 'outdoors'].includes(c.slug)).every((c) => c.count >= 4)).toBe(true);
  });
});
