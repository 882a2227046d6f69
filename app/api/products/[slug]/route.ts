import { handler } from '@/lib/auth/guards';
import { notFound } from '@/lib/errors';
import { json } from '@/lib/http';
import { getProductBySlug } from '@/lib/shop/products';
import type { z } from '@/lib/validation/zod';
import type { productAnswerSchema } from '@/lib/validation/responses';

export const GET = handler<'none', { params: Promise<{ slug: string }> }>({ auth: 'none' }, async (_request, _guard, { params }) => {
  const { slug } = await params;
  const product = await getProductBySlug({ slug });
  if (!product) throw notFound('That product does not exist.');
  return json({ product } satisfies z.output<typeof productAnswerSchema>);
});
