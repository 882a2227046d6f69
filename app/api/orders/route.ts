import { handler } from '@/lib/auth/guards';
import { json } from '@/lib/http';
import { listOrders } from '@/lib/shop/orders';

export const GET = handler({ auth: 'required', scope: 'orders:read' }, async (_request, { session }) =>
  json({ orders: await listOrders({ userId: session.user.id }) }),
);
