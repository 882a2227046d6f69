import { handler } from '@/lib/auth/guards';
import { json } from '@/lib/http';
import { listOrders } from '@/lib/shop/orders';
import type { z } from '@/lib/validation/zod';
import type { ordersSchema } from '@/lib/validation/responses';

export const GET = handler({ auth: 'required', scope: 'orders:read' }, async (_request, { session }) =>
  json({ orders: await listOrders({ userId: session.user.id }) } satisfies z.output<typeof ordersSchema>),
);
