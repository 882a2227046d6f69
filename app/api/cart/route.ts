import { handler } from '@/lib/auth/guards';
import { json } from '@/lib/http';
import { cartJson, getCart } from '@/lib/shop/cart';
import { cartOwnerOfRequest, PRIVATE_NO_STORE } from '@/lib/shop/cart-owner';

/** The signed-in user's cart, or the guest's (empty until their first add). */
export const GET = handler({ auth: 'optional', scope: 'cart:read' }, async (request, { session, facts }) => {
  const owner = cartOwnerOfRequest(request, session, facts.secure);
  const cart = owner.key ? await getCart(owner.key) : { items: [], totalCents: 0, itemCount: 0, mergeCapped: false };
  return json(cartJson(cart), { headers: PRIVATE_NO_STORE });
});
