import { json, readJson, route } from '@/lib/http';
import { requireWriteSession } from '@/lib/shop/api';
import { addToCart, cartJson } from '@/lib/shop/cart';
import { addCartItemSchema } from '@/lib/validation/cart';

/** Adds `quantity` (default 1) of a product, or increments its line. 200 with the cart. */
export const POST = route(async (request) => {
  const { user } = await requireWriteSession(request);
  const { productId, quantity } = await readJson(request, addCartItemSchema);
  return json(cartJson(await addToCart({ userId: user.id, productId, quantity })));
});
