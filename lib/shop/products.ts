// Catalogue reads: search, filter, sort and pages, run in the database. Public data, but still
// only plain objects leave this module.
//
// Search matches every word of the query against Product.searchText (name + description, folded
// by lib/shop/search-text.ts) with LIKE '%word%'. Prisma escapes `%`, `_` and `\` in `contains`,
// so they are plain characters (tested). At this catalogue's size the search scans; the category
// filter and every sort have an index (prisma/models.prisma).
import 'server-only';
import { db } from '@/lib/db';
import type { CatalogueQuery, CatalogueSort } from '@/lib/validation/catalogue';
import { searchWords } from './search-text';

export interface CategoryRef {
  slug: string;
  name: string;
}

export interface ProductDto {
  id: string;
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  imageUrl: string;
  stock: number;
  category: CategoryRef | null;
}

export interface CataloguePage {
  products: ProductDto[];
  page: number;
  pageCount: number;
  total: number;
}

export interface CategoryDto extends CategoryRef {
  /** Products on this shelf. */
  count: number;
}

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
const ORDER_BY = {
  name: [{ name: 'asc' }, { id: 'asc' }],
  price_asc: [{ priceCents: 'asc' }, { id: 'asc' }],
  price_desc: [{ priceCents: 'desc' }, { id: 'desc' }],
  newest: [{ createdAt: 'desc' }, { id: 'desc' }],
} as const satisfies Record<CatalogueSort, unknown>;

export async function searchProducts(query: CatalogueQuery): Promise<CataloguePage> {
  const prisma = await db();
  const words = searchWords(query.q);
  const where = {
    ...(words.length ? { AND: words.map((word) => ({ searchText: { contains: word } })) } : {}),
    ...(query.category ? { category: { slug: query.category } } : {}),
  };
  const [total, products] = await Promise.all([
    prisma.product.count({ where }),
    prisma.product.findMany({
      where,
      select: PRODUCT_SELECT,
      orderBy: [...ORDER_BY[query.sort]],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    }),
  ]);
  return { products, page: query.page, pageCount: Math.max(1, Math.ceil(total / query.limit)), total };
}

/** Every product, by name (the seed checks and the sitemap-sized lists). */
export async function listProducts(): Promise<ProductDto[]> {
  const prisma = await db();
  return prisma.product.findMany({ select: PRODUCT_SELECT, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}

export async function listCategories(): Promise<CategoryDto[]> {
  const prisma = await db();
  const rows = await prisma.category.findMany({
    select: { slug: true, name: true, _count: { select: { products: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return rows.map(({ slug, name, _count }) => ({ slug, name, count: _count.products }));
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

export async function getProductBySlug({ slug }: { slug: string }): Promise<ProductDto | null> {
  if (slug.length > 200) return null;
  const prisma = await db();
  return prisma.product.findUnique({ where: { slug }, select: PRODUCT_SELECT });
}

export async function getProductById({ id }: { id: string }): Promise<ProductDto | null> {
  if (id.length > 64) return null;
  const prisma = await db();
  return prisma.product.findUnique({ where: { id }, select: PRODUCT_SELECT });
}
