// The shop's JSON routes through their handlers and the real database: the HTTP contract
// (shapes, statuses, error fields), auth (Bearer and cookie + Origin) and ownership.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GET as getCartRoute } from '@/app/api/cart/route';
import { DELETE as removeItem, PATCH as setItem } from '@/app/api/cart/items/[productId]/route';
import { POST as addItem } from '@/app/api/cart/items/route';
import { POST as checkoutRoute } from '@/app/api/checkout/route';
import { GET as getOrderRoute } from '@/app/api/orders/[id]/route';
import { GET as listOrdersRoute } from '@/app/api/orders/route';
import { GET as getProductRoute } from '@/app/api/products/[slug]/route';
import { GET as listProductsRoute } from '@/app/api/products/route';
import { issueTokenPair } from '@/lib/auth/sign-ins';
import { uuidv7 } from '@/lib/auth/tokens';
import { getCart } from '@/lib/shop/cart';
import { cartFingerprint as pageFingerprint } from '@/lib/shop/cart-fingerprint';
import { createProduct, createUser } from '@/test/shop-data';
import { errorBody, makeRequest, type CallOptions } from '@/test/auth-requests';

const none = {} as never;
const params = <T,>(value: T) => ({ params: Promise.resolve(value) });

async function shopper() {
  const user = await createUser('api');
  const { access } = await issueTokenPair(user.id, uuidv7());
  return { user, bearer: { bearer: access.token, origin: null } satisfies CallOptions, cookie: `access=${access.token}; signed-in=1` };
}

const add = (auth: CallOptions, body: unknown) => addItem(makeRequest('/api/cart/items', 'POST', { ...auth, body }), none);
const cartOf = async (auth: CallOptions) => (await getCartRoute(makeRequest('/api/cart', 'GET', auth), none)).json();

describe('GET /api/products', () => {
  it('lists the catalogue in the contract shape, publicly', async () => {
    const response = await listProductsRoute(makeRequest('/api/products', 'GET', { origin: null }), none);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { products: Record<string, unknown>[]; page: number; pageCount: number; total: number };
    expect(Object.keys(body).sort()).toEqual(['page', 'pageCount', 'products', 'total']);
    expect(body.products).toHaveLength(12);
    expect(body.total).toBeGreaterThanOrEqual(24);
    expect(Object.keys(body.products[0]!).sort()).toEqual(['category', 'description', 'id', 'imageUrl', 'name', 'priceCents', 'slug', 'stock']);
  });

  it('finds one by slug, 404 otherwise', async () => {
    const ok = await getProductRoute(makeRequest('/api/products/aurora-mug', 'GET'), params({ slug: 'aurora-mug' }));
    expect(((await ok.json()) as { product: { slug: string } }).product.slug).toBe('aurora-mug');
    const missing = await getProductRoute(makeRequest('/api/products/nope', 'GET'), params({ slug: 'nope' }));
    expect(missing.status).toBe(404);
    expect((await errorBody(missing)).error.code).toBe('not_found');
  });
});

describe('cart routes', () => {
  it('serve a guest without a cart an empty one, privately; a bad credential is 401 with WWW-Authenticate, never the guest cart', async () => {
    const guest = await getCartRoute(makeRequest('/api/cart', 'GET', { origin: null }), none);
    expect(guest.status).toBe(200);
    expect(guest.headers.get('cache-control')).toBe('private, no-store');
    expect(await guest.json()).toEqual({ items: [], totalCents: 0 });
    for (const auth of [{ cookie: 'access=not.a.token; signed-in=1' }, { bearer: 'not.a.token' }]) {
      const response = await getCartRoute(makeRequest('/api/cart', 'GET', { origin: null, ...auth }), none);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('add, increment, set and remove with a Bearer token', async () => {
    const { bearer } = await shopper();
    const product = await createProduct({ priceCents: 700 });

    let response = await add(bearer, { productId: product.id });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      items: [{ productId: product.id, slug: product.slug, name: product.name, unitPriceCents: 700, quantity: 1, lineTotalCents: 700 }],
      totalCents: 700,
    });
    response = await add(bearer, { productId: product.id, quantity: 4 });
    expect(((await response.json()) as { totalCents: number }).totalCents).toBe(3500);

    response = await setItem(makeRequest(`/api/cart/items/${product.id}`, 'PATCH', { ...bearer, body: { quantity: 2 } }), params({ productId: product.id }));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { items: { quantity: number }[] }).items[0]?.quantity).toBe(2);

    response = await removeItem(makeRequest(`/api/cart/items/${product.id}`, 'DELETE', bearer), params({ productId: product.id }));
    expect(await response.json()).toEqual({ items: [], totalCents: 0 });
  });

  it.each([
    [{ quantity: 0 }, 'quantity'],
    [{ quantity: 100 }, 'quantity'],
    [{ quantity: 1.5 }, 'quantity'],
    [{ quantity: '2' }, 'quantity'],
    [{}, 'productId'],
  ])('answers %j with 400 naming %s', async (extra, field) => {
    const { bearer } = await shopper();
    const product = await createProduct();
    const body = 'productId' === field ? extra : { productId: product.id, ...extra };
    const response = await add(bearer, body);
    expect(response.status).toBe(400);
    expect(Object.keys((await errorBody(response)).error.fields ?? {})).toContain(field);
  });

  it('answers an unknown product with 404, too many with 400 quantity_too_large, and more than the stock with 409', async () => {
    const { bearer } = await shopper();
    expect((await add(bearer, { productId: 'does-not-exist' })).status).toBe(404);

    const product = await createProduct({ stock: 200 });
    await add(bearer, { productId: product.id, quantity: 99 });
    const tooMany = await add(bearer, { productId: product.id, quantity: 1 });
    expect(tooMany.status).toBe(400);
    const body = await errorBody(tooMany);
    expect(body.error.code).toBe('quantity_too_large');
    expect(body.error.fields).toHaveProperty('quantity');

    const scarce = await createProduct({ stock: 1, name: 'Last One' });
    const short = await add(bearer, { productId: scarce.id, quantity: 2 });
    expect(short.status).toBe(409);
    expect((await errorBody(short)).error.message).toContain('Last One');
  });

  it('refuses a cookie-authenticated write from another origin, or with no Origin', async () => {
    const { cookie } = await shopper();
    const product = await createProduct();
    for (const origin of ['https://evil.example', null]) {
      const response = await add({ cookie, origin }, { productId: product.id });
      expect(response.status).toBe(403);
      expect((await errorBody(response)).error.code).toBe('forbidden_origin');
    }
    expect((await add({ cookie }, { productId: product.id })).status).toBe(200);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const { bearer } = await shopper();
    const response = await addItem(makeRequest('/api/cart/items', 'POST', { ...bearer, raw: 'productId=x', contentType: 'application/x-www-form-urlencoded' }), none);
    expect(response.status).toBe(415);
  });
});

describe('checkout and order routes', () => {
  it('checks out (201), lists and shows the order; another user gets 404', async () => {
    const a = await shopper();
    const b = await shopper();
    const product = await createProduct({ priceCents: 450, stock: 10 });
    await add(a.bearer, { productId: product.id, quantity: 2 });

    const placed = await checkoutRoute(makeRequest('/api/checkout', 'POST', a.bearer), none);
    expect(placed.status).toBe(201);
    const { order } = (await placed.json()) as { order: { id: string; totalCents: number; createdAt: string; items: unknown[] } };
    expect(order.totalCents).toBe(900);
    expect(order.items).toEqual([{ productId: product.id, name: product.name, unitPriceCents: 450, quantity: 2 }]);
    expect(await cartOf(a.bearer)).toEqual({ items: [], totalCents: 0 });

    const list = await listOrdersRoute(makeRequest('/api/orders', 'GET', a.bearer), none);
    expect(await list.json()).toEqual({ orders: [order] });
    const mine = await getOrderRoute(makeRequest(`/api/orders/${order.id}`, 'GET', a.bearer), params({ id: order.id }));
    expect(await mine.json()).toEqual({ order });

    const theirs = await getOrderRoute(makeRequest(`/api/orders/${order.id}`, 'GET', b.bearer), params({ id: order.id }));
    expect(theirs.status).toBe(404);
    expect(await (await listOrdersRoute(makeRequest('/api/orders', 'GET', b.bearer), none)).json()).toEqual({ orders: [] });
  });

  it('answers an empty cart with 409 empty_cart', async () => {
    const { bearer } = await shopper();
    const response = await checkoutRoute(makeRequest('/api/checkout', 'POST', bearer), none);
    expect(response.status).toBe(409);
    expect((await errorBody(response)).error.code).toBe('empty_cart');
  });

  describe('with the fingerprint of the reviewed cart (optional body)', () => {
    /** The fingerprint a program computes from GET /api/cart, as the OpenAPI entry describes it. */
    const fingerprintOf = async (auth: CallOptions) => {
      const { items } = (await cartOf(auth)) as { items: { productId: string; quantity: number; unitPriceCents: number }[] };
      const lines = items.map((i) => `${i.productId}:${i.quantity}:${i.unitPriceCents}`).sort();
      return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 32);
    };
    const place = (auth: CallOptions, body?: unknown, extra: Partial<CallOptions> = {}) =>
      checkoutRoute(makeRequest('/api/checkout', 'POST', { ...auth, body, ...extra }), none);

    it('places the order it was computed from (Bearer and cookie); the page computes the same fingerprint', async () => {
      for (const auth of ['bearer', 'cookie'] as const) {
        const a = await shopper();
        const credential = auth === 'bearer' ? a.bearer : { cookie: a.cookie };
        const product = await createProduct({ priceCents: 600, stock: 10 });
        await add(credential, { productId: product.id, quantity: 2 });
        const cartFingerprint = await fingerprintOf(credential);
        expect(cartFingerprint).toBe(pageFingerprint((await getCart({ userId: a.user.id })).items));
        const placed = await place(credential, { cartFingerprint });
        expect(placed.status).toBe(201);
        expect(((await placed.json()) as { order: { totalCents: number } }).order.totalCents).toBe(1200);
      }
    });

    it('refuses a cart changed since (40 more added by the API) with 409 cart_changed: no order, no stock taken, the cart as it is', async () => {
      const a = await shopper();
      const product = await createProduct({ priceCents: 1200, stock: 100 });
      await add(a.bearer, { productId: product.id, quantity: 1 });
      const cartFingerprint = await fingerprintOf(a.bearer);
      await add(a.bearer, { productId: product.id, quantity: 40 });

      const refused = await place(a.bearer, { cartFingerprint });
      expect(refused.status).toBe(409);
      expect((await errorBody(refused)).error).toEqual({
        code: 'cart_changed',
        message: 'Your cart changed since you reviewed it: check it and place the order again.',
      });
      expect(await (await listOrdersRoute(makeRequest('/api/orders', 'GET', a.bearer), none)).json()).toEqual({ orders: [] });
      expect(await cartOf(a.bearer)).toMatchObject({ items: [{ productId: product.id, quantity: 41 }], totalCents: 41 * 1200 });
      expect((await getProductRoute(makeRequest(`/api/products/${product.slug}`, 'GET'), params({ slug: product.slug })).then((r) => r.json())) as { product: { stock: number } }).toMatchObject({ product: { stock: 100 } });

      // Without a body (a program that sends none): the cart as it is, as before.
      const placed = await place(a.bearer);
      expect(placed.status).toBe(201);
      expect(((await placed.json()) as { order: { totalCents: number } }).order.totalCents).toBe(41 * 1200);
    });

    it('treats an empty body, `{}` and no Content-Type alike: no fingerprint, the order as before', async () => {
      for (const extra of [{ raw: '' }, { raw: '', contentType: null }, { raw: '', contentType: 'text/plain' }, { body: {} }] as Partial<CallOptions>[]) {
        const a = await shopper();
        const product = await createProduct({ stock: 10 });
        await add(a.bearer, { productId: product.id, quantity: 1 });
        expect((await place(a.bearer, undefined, extra)).status, JSON.stringify(extra)).toBe(201);
      }
    });

    it('refuses a malformed fingerprint or body (400, 415) before anything is ordered; an empty cart is still empty_cart', async () => {
      const a = await shopper();
      const product = await createProduct({ stock: 10 });
      await add(a.bearer, { productId: product.id, quantity: 1 });
      const bad = await place(a.bearer, { cartFingerprint: 'not-hex' });
      expect(bad.status).toBe(400);
      expect((await errorBody(bad)).error.fields).toHaveProperty('cartFingerprint');
      expect((await place(a.bearer, { cartFingerprint: await fingerprintOf(a.bearer), more: 1 })).status).toBe(400);
      expect((await place(a.bearer, undefined, { raw: 'cartFingerprint=x', contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
      expect((await cartOf(a.bearer)) as { items: unknown[] }).toMatchObject({ items: [{ productId: product.id, quantity: 1 }] });

      const empty = await shopper();
      const refused = await place(empty.bearer, { cartFingerprint: await fingerprintOf(empty.bearer) });
      expect(refused.status).toBe(409);
      expect((await errorBody(refused)).error.code).toBe('empty_cart');
    });
  });

  it("does not let B change A's cart", async () => {
    const a = await shopper();
    const b = await shopper();
    const product = await createProduct();
    await add(a.bearer, { productId: product.id, quantity: 3 });
    const patch = await setItem(makeRequest(`/api/cart/items/${product.id}`, 'PATCH', { ...b.bearer, body: { quantity: 1 } }), params({ productId: product.id }));
    expect(patch.status).toBe(404);
    await removeItem(makeRequest(`/api/cart/items/${product.id}`, 'DELETE', b.bearer), params({ productId: product.id }));
    expect(((await cartOf(a.bearer)) as { items: { quantity: number }[] }).items[0]?.quantity).toBe(3);
  });
});
