import { json, route } from '@/lib/http';
import { listProducts } from '@/lib/shop/products';

/** Public catalogue. Stock changes with every order, so it is not cached. */
export const GET = route(async () => json({ products: await listProducts() }));
