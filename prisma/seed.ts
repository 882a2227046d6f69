// Seeds the catalogue. Idempotent: products are upserted by slug; an existing product keeps its
// stock (orders decrement it) while its name, description, price and image follow the catalogue.
//
//   npm run db:seed        (tsx prisma/seed.ts: loads .env.local/.env, default file:./data/dev.db)
//   import { seed } from './seed'; await seed(prisma)   (tests)
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createPrismaClient, type Db } from '../lib/db/client';
import { CATALOGUE, productImageUrl } from './catalogue';

export async function seed(prisma: Db): Promise<{ products: number }> {
  for (const product of CATALOGUE) {
    const { stock, ...details } = product;
    const data = { ...details, imageUrl: productImageUrl(product.slug) };
    await prisma.product.upsert({
      where: { slug: product.slug },
      create: { ...data, stock },
      update: data,
    });
  }
  return { products: CATALOGUE.length };
}

async function main(): Promise<void> {
  // Same precedence as Next: values already in the environment win, then .env.local, then .env.
  for (const file of ['.env.local', '.env']) {
    if (existsSync(file)) process.loadEnvFile(file);
  }
  const url = process.env.DATABASE_URL || 'file:./data/dev.db';
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
