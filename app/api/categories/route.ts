import { json, route } from '@/lib/http';
import { listCategories } from '@/lib/shop/products';

/** Public: the catalogue's categories with how many products each holds. */
export const GET = route(async () => json({ categories: await listCategories() }));
