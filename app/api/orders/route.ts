import { requireSession } from '@/lib/auth/session';
import { json, route } from '@/lib/http';
import { listOrders } from '@/lib/shop/orders';

export const GET = route(async () => {
  const { user } = await requireSession();
  return json({ orders: await listOrders({ userId: user.id }) });
});
