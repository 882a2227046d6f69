import { requireSession } from '@/lib/auth/session';
import { json, route } from '@/lib/http';
import { cartJson, getCart } from '@/lib/shop/cart';

export const GET = route(async () => {
  const { user } = await requireSession();
  return json(cartJson(await getCart({ userId: user.id })));
});
