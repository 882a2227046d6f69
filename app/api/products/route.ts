import { handler } from '@/lib/auth/guards';
import { badRequest } from '@/lib/errors';
import { fieldErrors, json } from '@/lib/http';
import { searchProducts } from '@/lib/shop/products';
import { catalogueQueryInput, catalogueQuerySchema } from '@/lib/validation/catalogue';
import type { z } from '@/lib/validation/zod';
import type { productPageSchema } from '@/lib/validation/responses';

/**
 * Public catalogue: `?q=&category=&sort=&page=&limit=` → {products, page, pageCount, total}.
 * Stock changes with every order, so it is not cached.
 */
export const GET = handler({ auth: 'none' }, async (request) => {
  const parsed = catalogueQuerySchema.safeParse(catalogueQueryInput(new URL(request.url).searchParams));
  if (!parsed.success) throw badRequest('Some query parameters are invalid.', fieldErrors(parsed.error));
  return json((await searchProducts(parsed.data)) satisfies z.output<typeof productPageSchema>);
});
