import { handler } from '@/lib/auth/guards';
import { json, readJson } from '@/lib/http';
import { addToCart, cartJson } from '@/lib/shop/cart';
import { addCartItemSchema } from '@/lib/validation/cart';

/** Adds `quantity` (default 1) of a product, or increments its line. 200 with the cart. */
export const POST = handler({ auth: 'required', scope: 'cart:write' }, async (request, { session }) => {
  const { productId, quantity } = await readJson(request, addCartItemSchema);
  return json(cartJson(await addToCart({ userId: session.user.id, productId, quantity })));
});
