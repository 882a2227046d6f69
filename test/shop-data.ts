// Users and products for the shop's integration tests, created straight through Prisma.
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { productSearchText } from '@/lib/shop/search-text';

export async function createUser(label = 'shopper'): Promise<{ id: string }> {
  const prisma = await db();
  const tag = randomUUID().slice(0, 8);
  return prisma.user.create({
    data: {
      email: `${label}-${tag}@example.test`,
      name: `${label} ${tag}`,
      passwordHash: 'not-a-real-hash',
      // Tokens issued in the same instant as the account must not count as "before" it.
      tokensValidAfter: new Date(Date.now() - 60_000),
    },
    select: { id: true },
  });
}

export async function createProduct(
  overrides: { stock?: number; priceCents?: number; name?: string; description?: string; categoryId?: string; createdAt?: Date } = {},
) {
  const prisma = await db();
  const tag = randomUUID().slice(0, 8);
  const name = overrides.name ?? `Test Product ${tag}`;
  const description = overrides.description ?? 'Made for a test.';
  return prisma.product.create({
    data: {
      slug: `test-product-${tag}`,
      name,
      description,
      searchText: productSearchText({ name, description }),
      categoryId: overrides.categoryId,
      createdAt: overrides.createdAt,
      priceCents: overrides.priceCents ?? 1250,
      imageUrl: '/images/products/aurora-mug.svg',
      stock: overrides.stock ?? 50,
    },
  });
}
