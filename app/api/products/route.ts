import { handler } from '@/lib/auth/guards';
import { json } from '@/lib/http';
import { listProducts } from '@/lib/shop/products';

/** Public catalogue. Stock changes with every order, so it is not cached. */
export const GET = handler({ auth: 'none' }, async () => json({ products: await listProducts() }));
