import { json, route } from '@/lib/http';
import { requireWriteSession } from '@/lib/shop/api';
import { checkout } from '@/lib/shop/orders';

/** Places an order from the whole cart. 201 {order} · 409 empty_cart / out_of_stock. */
export const POST = route(async (request) => {
  const { user } = await requireWriteSession(request);
  const order = await checkout({ userId: user.id });
  return json({ order }, { status: 201, headers: { Location: `/api/orders/${order.id}` } });
});
