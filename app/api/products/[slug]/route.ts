import { notFound } from '@/lib/errors';
import { json, route } from '@/lib/http';
import { getProductBySlug } from '@/lib/shop/products';

export const GET = route<{ params: Promise<{ slug: string }> }>(async (_request, { params }) => {
  const { slug } = await params;
  const product = await getProductBySlug({ slug });
  if (!product) throw notFound('That product does not exist.');
  return json({ product });
});
