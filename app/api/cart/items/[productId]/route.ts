import { handler } from '@/lib/auth/guards';
import { notFound } from '@/lib/errors';
import { json, readJson } from '@/lib/http';
import { cartJson, removeFromCart, setCartItemQuantity, type CartDto } from '@/lib/shop/cart';
import { cartOwnerOfRequest, PRIVATE_NO_STORE } from '@/lib/shop/cart-owner';
import { productIdParamSchema, setCartItemSchema } from '@/lib/validation/cart';

type Context = { params: Promise<{ productId: string }> };

const EMPTY: CartDto = { items: [], totalCents: 0, itemCount: 0, mergeCapped: false };

async function productIdOf({ params }: Context): Promise<string> {
  const parsed = productIdParamSchema.safeParse((await params).productId);
  if (!parsed.success) throw notFound('That product is not in your cart.');
  return parsed.data;
}

/** Sets the line's quantity (0 removes it). 200 with the cart. A guest with no cart has no line: 404. */
export const PATCH = handler<'optional', Context>({ auth: 'optional', scope: 'cart:write' }, async (request, { session, facts }, context) => {
  const owner = cartOwnerOfRequest(request, session, facts.secure);
  const productId = await productIdOf(context);
  const { quantity } = await readJson(request, setCartItemSchema);
  if (!owner.key) throw notFound('That product is not in your cart.');
  return json(cartJson(await setCartItemQuantity({ ...owner.key, productId, quantity })), { headers: PRIVATE_NO_STORE });
});

/** Removes the line. 200 with the cart. */
export const DELETE = handler<'optional', Context>({ auth: 'optional', scope: 'cart:write' }, async (request, { session, facts }, context) => {
  const owner = cartOwnerOfRequest(request, session, facts.secure);
  const productId = await productIdOf(context);
  const cart = owner.key ? await removeFromCart({ ...owner.key, productId }) : EMPTY;
  return json(cartJson(cart), { headers: PRIVATE_NO_STORE });
});
