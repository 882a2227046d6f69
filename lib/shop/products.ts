// Catalogue reads: search, filter, sort and pages, run in the database. Public data, but still
// only plain objects leave this module.
//
// Search matches every word of the query against Product.searchText (name + description, folded
// by lib/shop/search-text.ts) with `LIKE '%word%' ESCAPE '\'`, the word's own `%`, `_` and `\`
// escaped, so they are plain characters. (Prisma's `contains` does not escape them.) The same SQL
// runs on SQLite and Postgres; every value is a bound parameter and the ORDER BY comes from a
// fixed list. At this catalogue's size the text search scans; the category filter and every sort
// have an index (prisma/models.prisma). One statement reads the page's rows and, with a window
// function, the total; only a page past the end (no rows to carry it) costs a second, counting one.
import 'server-only';
import { empty, join, sqltag as sql, raw } from '@prisma/client/runtime/client';
import { db } from '@/lib/db';
import { queryRows } from '@/lib/db/client';
import type { CatalogueQuery, CatalogueSort } from '@/lib/validation/catalogue';
import type { CategoryJson, ProductJson, ProductPageJson } from '@/lib/validation/responses';
import { isPlainId, withoutControlCharacters } from '@/lib/validation/text';
import { searchWords } from './search-text';


/** A product as the API answers it (its schema is the OpenAPI document's Product). */
export type ProductDto = ProductJson;
export type CategoryRef = NonNullable<ProductJson['category']>;

export type CataloguePage = ProductPageJson;

/** A shelf with its product count, as GET /api/categories answers it. */
export type CategoryDto = CategoryJson;

const PRODUCT_SELECT = {
  id: true,
  slug: true,
  name: true,
  description: true,
  priceCents: true,
  imageUrl: true,
  stock: true,
  category: { select: { slug: true, name: true } },
} as const;

// Every sort ends on the id, so pages never overlap or skip when values tie.
const ORDER_BY: Record<CatalogueSort, string> = {
  name: 'p."name" ASC, p."id" ASC',
  price_asc: 'p."priceCents" ASC, p."id" ASC',
  price_desc: 'p."priceCents" DESC, p."id" DESC',
  newest: 'p."createdAt" DESC, p."id" DESC',
};

/** `%`, `_` and the escape character itself, made literal for LIKE … ESCAPE '\'. */
export function likeContains(word: string): string {
  return `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

interface ProductRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  priceCents: number | bigint;
  imageUrl: string;
  stock: number | bigint;
  categorySlug: string | null;
  categoryName: string | null;
  total: number | bigint;
}

export async function searchProducts(query: CatalogueQuery): Promise<CataloguePage> {
  const prisma = await db();
  // The schema already made control characters spaces; a caller that skipped it must not reach SQL with one.
  const conditions = searchWords(withoutControlCharacters(query.q)).map((word) => sql`p."searchText" LIKE ${likeContains(word)} ESCAPE '\\'`);
  if (query.category) conditions.push(sql`c."slug" = ${query.category}`);
  const where = conditions.length ? sql`WHERE ${join(conditions, ' AND ')}` : empty;
  const from = sql`FROM "Product" p LEFT JOIN "Category" c ON c."id" = p."categoryId" ${where}`;
  const rows = await queryRows<ProductRow>(prisma, sql`
    SELECT p."id", p."slug", p."name", p."description", p."priceCents", p."imageUrl", p."stock",
           c."slug" AS "categorySlug", c."name" AS "categoryName", COUNT(*) OVER () AS "total"
    ${from} ORDER BY ${raw(ORDER_BY[query.sort])} LIMIT ${query.limit} OFFSET ${(query.page - 1) * query.limit}`);
  const total = rows.length
    ? Number(rows[0]!.total)
    : Number((await queryRows<{ total: bigint | number }>(prisma, sql`SELECT COUNT(*) AS "total" ${from}`))[0]?.total ?? 0);
  const products = rows.map((row): ProductDto => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    priceCents: Number(row.priceCents),
    imageUrl: row.imageUrl,
    stock: Number(row.stock),
    category: row.categorySlug !== null && row.categoryName !== null ? { slug: row.categorySlug, name: row.categoryName } : null,
  }));
  return { products, page: query.page, pageCount: Math.max(1, Math.ceil(total / query.limit)), total };
}

/** Every product, by name (the seed checks and the sitemap-sized lists). */
export async function listProducts(): Promise<ProductDto[]> {
  const prisma = await db();
  return prisma.product.findMany({ select: PRODUCT_SELECT, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}

/** Every category with its product count, by name: the catalogue's filter on every visit, so one raw statement. */
export async function listCategories(): Promise<CategoryDto[]> {
  const rows = await queryRows<{ slug: string; name: string; count: number | bigint }>(await db(), sql`
    SELECT c."slug", c."name", COUNT(p."id") AS "count"
    FROM "Category" c LEFT JOIN "Product" p ON p."categoryId" = c."id"
    GROUP BY c."id", c."slug", c."name"
    ORDER BY c."name" ASC, c."id" ASC`);
  return rows.map(({ slug, name, count }) => ({ slug, name, count: Number(count) }));
}

/** Up to `take` other products from the same category, in stock first. */
export async function relatedProducts({ productId, categorySlug, take = 4 }: { productId: string; categorySlug: string; take?: number }): Promise<ProductDto[]> {
  const prisma = await db();
  return prisma.product.findMany({
    where: { category: { slug: categorySlug }, id: { not: productId } },
    select: PRODUCT_SELECT,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: take * 3,
  }).then((rows) => [...rows.filter((p) => p.stock > 0), ...rows.filter((p) => p.stock <= 0)].slice(0, take));
}

// A slug or id no product can have (too long, or holding a control character, which Postgres
// refuses outright) is not looked up: it is simply not a product.
export async function getProductBySlug({ slug }: { slug: string }): Promise<ProductDto | null> {
  if (!isPlainId(slug, 200)) return null;
  const prisma = await db();
  return prisma.product.findUnique({ where: { slug }, select: PRODUCT_SELECT });
}

export async function getProductById({ id }: { id: string }): Promise<ProductDto | null> {
  if (!isPlainId(id, 64)) return null;
  const prisma = await db();
  return prisma.product.findUnique({ where: { id }, select: PRODUCT_SELECT });
}
