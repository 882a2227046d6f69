import { handler } from '@/lib/auth/guards';
import { notFound } from '@/lib/errors';
import { json, readJson } from '@/lib/http';
import { cartJson, removeFromCart, setCartItemQuantity } from '@/lib/shop/cart';
import { productIdParamSchema, setCartItemSchema } from '@/lib/validation/cart';

type Context = { params: Promise<{ productId: string }> };

async function productIdOf({ params }: Context): Promise<string> {
  const parsed = productIdParamSchema.safeParse((await params).productId);
  if (!parsed.success) throw notFound('That product is not in your cart.');
  return parsed.data;
}

/** Sets the line's quantity (0 removes it). 200 with the cart. */
export const PATCH = handler<'required', Context>({ auth: 'required', scope: 'cart:write' }, async (request, { session }, context) => {
  const productId = await productIdOf(context);
  const { quantity } = await readJson(request, setCartItemSchema);
  return json(cartJson(await setCartItemQuantity({ userId: session.user.id, productId, quantity })));
});

/** Removes the line. 200 with the cart. */
export const DELETE = handler<'required', Context>({ auth: 'required', scope: 'cart:write' }, async (_request, { session }, context) => {
  const productId = await productIdOf(context);
  return json(cartJson(await removeFromCart({ userId: session.user.id, productId })));
});
