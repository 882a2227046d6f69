// Seeds the catalogue. Idempotent: categories and products are upserted by slug; an existing
// product keeps its stock (orders decrement it) and its creation time, while its name,
// description, price, image, category and search text follow the catalogue.
//
//   npm run db:seed        (tsx prisma/seed.ts: loads .env.local/.env; DATABASE_URL defaults as in lib/database-url.mjs)
//   import { seed } from './seed'; await seed(prisma)   (tests)
import { pathToFileURL } from 'node:url';
import { databaseUrlOr } from '../lib/database-url.mjs';
import { createPrismaClient, type Db } from '../lib/db/client';
import { loadLocalEnv } from '../scripts/local-env.mjs';
import { productSearchText } from '../lib/shop/search-text';
import { CATALOGUE, CATEGORIES, productImageUrl } from './catalogue';

// Catalogue order is age order: the first product is the oldest.
const FIRST_ADDED = Date.UTC(2026, 0, 5);
const DAY = 86_400_000;

export async function seed(prisma: Db): Promise<{ products: number }> {
  const categoryIds = new Map<string, string>();
  for (const category of CATEGORIES) {
    const { id } = await prisma.category.upsert({ where: { slug: category.slug }, create: category, update: { name: category.name }, select: { id: true } });
    categoryIds.set(category.slug, id);
  }
  for (const [index, product] of CATALOGUE.entries()) {
    const { stock, category, ...details } = product;
    const data = { ...details, imageUrl: productImageUrl(product.slug), categoryId: categoryIds.get(category)!, searchText: productSearchText(product) };
    await prisma.product.upsert({
      where: { slug: product.slug },
      create: { ...data, stock, createdAt: new Date(FIRST_ADDED + index * DAY) },
      update: data,
    });
  }
  return { products: CATALOGUE.length };
}

async function main(): Promise<void> {
  loadLocalEnv();
  const url = databaseUrlOr(process.env.DATABASE_URL);
  const prisma = await createPrismaClient(url);
  try {
    const { products } = await seed(prisma);
    console.log(`Seeded ${products} products.`);
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`db:seed failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exit(1);
  });
}
