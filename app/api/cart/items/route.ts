import { NextResponse } from 'next/server';
import { handler } from '@/lib/auth/guards';
import { readJson } from '@/lib/http';
import { addToCart, assertAddable, cartJson } from '@/lib/shop/cart';
import { cartOwnerOfRequest, cartWriterOfRequest, PRIVATE_NO_STORE } from '@/lib/shop/cart-owner';
import { addCartItemSchema } from '@/lib/validation/cart';

/** Adds `quantity` (default 1) of a product, or increments its line. 200 with the cart. A guest's
 *  first add starts their cart and sets the `cart` cookie. */
export const POST = handler({ auth: 'optional', scope: 'cart:write' }, async (request, { session, facts }) => {
  const owner = cartOwnerOfRequest(request, session, facts.secure);
  const input = await readJson(request, addCartItemSchema);
  // Only now, with a good body and a product that can be added, may a guest cart be started.
  if (owner.kind !== 'user') await assertAddable(input);
  const writer = await cartWriterOfRequest(request, owner, facts.secure);
  const response = NextResponse.json(cartJson(await addToCart({ ...writer.key, ...input })), { headers: PRIVATE_NO_STORE });
  if (writer.cookie) response.cookies.set(writer.cookie.name, writer.cookie.value, writer.cookie.options);
  return response;
});
