import { notFound } from '@/lib/errors';
import { json, route } from '@/lib/http';
import { requireReadSession } from '@/lib/shop/api';
import { getOrder } from '@/lib/shop/orders';

/** The user's own order; another user's is 404, exactly like one that does not exist. */
export const GET = route<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { user } = await requireReadSession(request, 'orders:read');
  const order = await getOrder({ userId: user.id, orderId: (await params).id });
  if (!order) throw notFound('No such order.');
  return json({ order });
});
