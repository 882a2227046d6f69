// Every route an API token may reach, called with a token of each scope: the one scope the route
// names works (and does its job), every other scope gets 403 insufficient_scope and changes
// nothing. A read scope never writes (`cart:read` cannot add, change, remove or check out), and
// the orders routes want `orders:read`, not the cart's.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getCart } from '@/app/api/cart/route';
import { POST as addItem } from '@/app/api/cart/items/route';
import { DELETE as removeItem, PATCH as setItem } from '@/app/api/cart/items/[productId]/route';
import { POST as checkout } from '@/app/api/checkout/route';
import { GET as me } from '@/app/api/me/route';
import { GET as getOrder } from '@/app/api/orders/[id]/route';
import { GET as listOrders } from '@/app/api/orders/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { API_SCOPES, type ApiScope } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { addToCart } from '@/lib/shop/cart';
import { checkout as placeOrder } from '@/lib/shop/orders';
import { createProduct, createUser } from '@/test/shop-data';
import { makeRequest } from '@/test/auth-requests';

type Call = (bearer: string) => Promise<Response>;

let userId: string;
let productId: string;
let orderId: string;
const tokenOf = new Map<ApiScope, string>();

const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const cartLines = async () =>
  (await (await db()).cartItem.findMany({ where: { cart: { userId } }, select: { productId: true, quantity: true } })).map((l) => `${l.productId}×${l.quantity}`);

beforeAll(async () => {
  userId = (await createUser('scopes')).id;
  productId = (await createProduct({ stock: 100 })).id;
  await addToCart({ userId, productId, quantity: 1 });
  orderId = (await placeOrder({ userId })).id;
  for (const scope of API_SCOPES) {
    tokenOf.set(scope, (await createApiToken({ userId, name: `only ${scope}`, scopes: [scope], ttlDays: 1 })).token);
  }
});

const ROUTES: { name: string; scope: ApiScope; call: Call; writes: boolean }[] = [
  { name: 'GET /api/me', scope: 'profile:read', writes: false, call: (bearer) => me(makeRequest('/api/me', 'GET', { origin: null, bearer }), {} as never) },
  { name: 'GET /api/cart', scope: 'cart:read', writes: false, call: (bearer) => getCart(makeRequest('/api/cart', 'GET', { origin: null, bearer }), {} as never) },
  {
    name: 'POST /api/cart/items',
    scope: 'cart:write',
    writes: true,
    call: (bearer) => addItem(makeRequest('/api/cart/items', 'POST', { origin: null, bearer, body: { productId, quantity: 2 } }), {} as never),
  },
  {
    name: 'PATCH /api/cart/items/{productId}',
    scope: 'cart:write',
    writes: true,
    call: (bearer) => setItem(makeRequest(`/api/cart/items/${productId}`, 'PATCH', { origin: null, bearer, body: { quantity: 7 } }), params({ productId })),
  },
  {
    name: 'DELETE /api/cart/items/{productId}',
    scope: 'cart:write',
    writes: true,
    call: (bearer) => removeItem(makeRequest(`/api/cart/items/${productId}`, 'DELETE', { origin: null, bearer }), params({ productId })),
  },
  { name: 'POST /api/checkout', scope: 'cart:write', writes: true, call: (bearer) => checkout(makeRequest('/api/checkout', 'POST', { origin: null, bearer }), {} as never) },
  { name: 'GET /api/orders', scope: 'orders:read', writes: false, call: (bearer) => listOrders(makeRequest('/api/orders', 'GET', { origin: null, bearer }), {} as never) },
  {
    name: 'GET /api/orders/{id}',
    scope: 'orders:read',
    writes: false,
    call: (bearer) => getOrder(makeRequest(`/api/orders/${orderId}`, 'GET', { origin: null, bearer }), params({ id: orderId })),
  },
];

describe.each(ROUTES)('$name', ({ scope, call, writes }) => {
  it.each(API_SCOPES.filter((other) => other !== scope))(`refuses a token with only %s: 403 insufficient_scope naming ${scope}, nothing changed`, async (other) => {
    await addToCart({ userId, productId, quantity: 1 });
    const before = await cartLines();
    const orders = await (await db()).order.count({ where: { userId } });
    const response = await call(tokenOf.get(other)!);
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toBe(`Bearer error="insufficient_scope", scope="${scope}"`);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('insufficient_scope');
    expect(await cartLines()).toEqual(before);
    expect(await (await db()).order.count({ where: { userId } })).toBe(orders);
  });

  it(`serves a token with ${scope}`, async () => {
    await addToCart({ userId, productId, quantity: 1 });
    const before = await cartLines();
    const response = await call(tokenOf.get(scope)!);
    expect(response.status).toBeLessThan(300);
    if (writes) expect(await cartLines()).not.toEqual(before);
    else expect(await cartLines()).toEqual(before);
  });
});
