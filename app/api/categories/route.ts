import { handler } from '@/lib/auth/guards';
import { json } from '@/lib/http';
import { listCategories } from '@/lib/shop/products';

/** Public: the catalogue's categories with how many products each holds. */
export const GET = handler({ auth: 'none' }, async () => json({ categories: await listCategories() }));
