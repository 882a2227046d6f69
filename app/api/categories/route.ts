import { handler } from '@/lib/auth/guards';
import { json } from '@/lib/http';
import { listCategories } from '@/lib/shop/products';
import type { z } from '@/lib/validation/zod';
import type { categoriesSchema } from '@/lib/validation/responses';

/** Public: the catalogue's categories with how many products each holds. */
export const GET = handler({ auth: 'none' }, async () => json({ categories: await listCategories() } satisfies z.output<typeof categoriesSchema>));
