import { handler } from '@/lib/auth/guards';
import { json, readOptionalJson } from '@/lib/http';
import { checkout } from '@/lib/shop/orders';
import { checkoutSchema, type CheckoutInput } from '@/lib/validation/cart';
import type { z } from '@/lib/validation/zod';
import type { orderAnswerSchema } from '@/lib/validation/responses';

/**
 * Places an order from the whole cart. An optional JSON body `{ cartFingerprint }` (the cart as
 * reviewed) makes it refuse a cart that changed since. 201 {order} · 409 empty_cart /
 * out_of_stock / cart_changed · 400 a bad body · 415 a body that is not JSON.
 */
export const POST = handler({ auth: 'required', scope: 'cart:write' }, async (request, { session }) => {
  // No body at all (what programs sent before the fingerprint existed): order what the cart holds.
  const input: CheckoutInput = (await readOptionalJson(request, checkoutSchema)) ?? {};
  const order = await checkout({ userId: session.user.id, expected: input.cartFingerprint });
  return json({ order } satisfies z.output<typeof orderAnswerSchema>, { status: 201, headers: { Location: `/api/orders/${order.id}` } });
});
