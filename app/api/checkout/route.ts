import { handler } from '@/lib/auth/guards';
import { json } from '@/lib/http';
import { checkout } from '@/lib/shop/orders';
import type { z } from '@/lib/validation/zod';
import type { orderAnswerSchema } from '@/lib/validation/responses';

/** Places an order from the whole cart. 201 {order} · 409 empty_cart / out_of_stock. */
export const POST = handler({ auth: 'required', scope: 'cart:write' }, async (_request, { session }) => {
  const order = await checkout({ userId: session.user.id });
  return json({ order } satisfies z.output<typeof orderAnswerSchema>, { status: 201, headers: { Location: `/api/orders/${order.id}` } });
});
