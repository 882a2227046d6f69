import { handler } from '@/lib/auth/guards';
import { notFound } from '@/lib/errors';
import { json } from '@/lib/http';
import { getOrder } from '@/lib/shop/orders';
import type { z } from '@/lib/validation/zod';
import type { orderAnswerSchema } from '@/lib/validation/responses';

/** The user's own order; another user's is 404, exactly like one that does not exist. */
export const GET = handler<'required', { params: Promise<{ id: string }> }>(
  { auth: 'required', scope: 'orders:read' },
  async (_request, { session }, { params }) => {
    const order = await getOrder({ userId: session.user.id, orderId: (await params).id });
    if (!order) throw notFound('No such order.');
    return json({ order } satisfies z.output<typeof orderAnswerSchema>);
  },
);
