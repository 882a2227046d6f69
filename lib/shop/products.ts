// Catalogue reads. Public data, but still only plain objects leave this module.
import 'server-only';
import { db } from '@/lib/db';

export interface ProductDto {
  id: string;
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  imageUrl: string;
  stock: number;
}

const PRODUCT_SELECT = {
  id: true,
  slug: true,
  name: true,
  description: true,
  priceCents: true,
  imageUrl: true,
  stock: true,
} as const;

export async function listProducts(): Promise<ProductDto[]> {
  const prisma = await db();
  return prisma.product.findMany({ select: PRODUCT_SELECT, orderBy: { name: 'asc' } });
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
