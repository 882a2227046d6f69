import { json, route } from '@/lib/http';
import { cartJson, getCart } from '@/lib/shop/cart';
import { cartOwnerOfRequest, PRIVATE_NO_STORE } from '@/lib/shop/cart-owner';

/** The signed-in user's cart, or the guest's (empty until their first add). */
export const GET = route(async (request) => {
  const owner = await cartOwnerOfRequest(request, 'cart:read');
  const cart = owner.key ? await getCart(owner.key) : { items: [], totalCents: 0, itemCount: 0, mergeCapped: false };
  return json(cartJson(cart), { headers: PRIVATE_NO_STORE });
});
