import { handler } from '@/lib/auth/guards';
import { json } from '@/lib/http';
import { cartJson, getCart } from '@/lib/shop/cart';

export const GET = handler({ auth: 'required', scope: 'cart:read' }, async (_request, { session }) =>
  json(cartJson(await getCart({ userId: session.user.id }))),
);
