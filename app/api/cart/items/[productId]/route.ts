import { notFound } from '@/lib/errors';
import { json, readJson, route } from '@/lib/http';
import { requireWriteSession } from '@/lib/shop/api';
import { cartJson, removeFromCart, setCartItemQuantity } from '@/lib/shop/cart';
import { productIdParamSchema, setCartItemSchema } from '@/lib/validation/cart';

type Context = { params: Promise<{ productId: string }> };

async function productIdOf({ params }: Context): Promise<string> {
  const parsed = productIdParamSchema.safeParse((await params).productId);
  if (!parsed.success) throw notFound('That product is not in your cart.');
  return parsed.data;
}

/** Sets the line's quantity (0 removes it). 200 with the cart. */
export const PATCH = route<Context>(async (request, context) => {
  const { user } = await requireWriteSession(request);
  const productId = await productIdOf(context);
  const { quantity } = await readJson(request, setCartItemSchema);
  return json(cartJson(await setCartItemQuantity({ userId: user.id, productId, quantity })));
});

/** Removes the line. 200 with the cart. */
export const DELETE = route<Context>(async (request, context) => {
  const { user } = await requireWriteSession(request);
  const productId = await productIdOf(context);
  return json(cartJson(await removeFromCart({ userId: user.id, productId })));
});
