import { json, route } from '@/lib/http';
import { requireReadSession } from '@/lib/shop/api';
import { listOrders } from '@/lib/shop/orders';

export const GET = route(async (request) => {
  const { user } = await requireReadSession(request, 'orders:read');
  return json({ orders: await listOrders({ userId: user.id }) });
});
