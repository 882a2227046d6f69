import { json, route } from '@/lib/http';
import { requireReadSession } from '@/lib/shop/api';
import { cartJson, getCart } from '@/lib/shop/cart';

export const GET = route(async (request) => {
  const { user } = await requireReadSession(request, 'cart:read');
  return json(cartJson(await getCart({ userId: user.id })));
});
