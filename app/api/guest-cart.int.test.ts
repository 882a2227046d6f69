// The guest cart through the real route handlers: the cookie (random, httpOnly, Lax, 30 days, set
// on the first write only), the same Origin rule as any cookie write, 401 for a guest checkout and
// for a bad credential (never a fall-back to the guest cart), and the merge at JSON sign-in and
// sign-up — but never at the token endpoint.
import { describe, expect, it } from 'vitest';
import { POST as login } from '@/app/api/auth/login/route';
import { POST as signup } from '@/app/api/auth/signup/route';
import { POST as tokenEndpoint } from '@/app/api/auth/token/route';
import { GET as getCartRoute } from '@/app/api/cart/route';
import { DELETE as removeItem, PATCH as setItem } from '@/app/api/cart/items/[productId]/route';
import { POST as addItem } from '@/app/api/cart/items/route';
import { POST as checkoutRoute } from '@/app/api/checkout/route';
import { db } from '@/lib/db';
import { GUEST_CART_MAX_AGE_SECONDS } from '@/lib/shop/cart-cookie';
import { createProduct } from '@/test/shop-data';
import { APP, accessCookie, errorBody, makeRequest, parseSetCookie, tokensFrom, uniqueEmail, type CallOptions } from '@/test/auth-requests';
import { TEST_PASSWORD } from '@/test/auth-routes';

const none = {} as never;
const params = <T,>(value: T) => ({ params: Promise.resolve(value) });

const add = (auth: CallOptions, body: unknown) => addItem(makeRequest('/api/cart/items', 'POST', { ...auth, body }), none);
const cartOf = async (auth: CallOptions) => (await getCartRoute(makeRequest('/api/cart', 'GET', { origin: null, ...auth }), none)).json();

/** A guest's first add: the cart cookie it gets back. */
async function guestWith(productId: string, quantity = 1): Promise<{ cookie: string; cartId: string }> {
  const response = await add({}, { productId, quantity });
  expect(response.status).toBe(200);
  const cart = parseSetCookie(response).get('cart');
  expect(cart).toBeDefined();
  return { cookie: `cart=${cart!.value}`, cartId: cart!.value };
}

describe('guest cart routes', () => {
  it('start a cart on the first add only, with a random 128-bit id in an httpOnly, Lax, 30-day cookie', async () => {
    const product = await createProduct({ priceCents: 500 });
    expect(parseSetCookie(await getCartRoute(makeRequest('/api/cart', 'GET'), none)).size).toBe(0);

    const first = await add({}, { productId: product.id, quantity: 2 });
    expect(first.headers.get('cache-control')).toBe('private, no-store');
    const cookie = parseSetCookie(first).get('cart')!;
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(cookie.attributes).toMatchObject({ httponly: true, samesite: 'lax', path: '/', 'max-age': String(GUEST_CART_MAX_AGE_SECONDS) });

    const other = await guestWith(product.id);
    expect(other.cartId).not.toBe(cookie.value);

    // The second add reuses the cart: no new cookie.
    const again = await add({ cookie: `cart=${cookie.value}` }, { productId: product.id, quantity: 1 });
    expect(parseSetCookie(again).has('cart')).toBe(false);
    expect(await cartOf({ cookie: `cart=${cookie.value}` })).toMatchObject({ items: [{ productId: product.id, quantity: 3 }], totalCents: 1500 });
  });

  it('a refused first add (no such product, sold out, too many) starts no cart and sets no cookie', async () => {
    const soldOut = await createProduct({ stock: 0 });
    const few = await createProduct({ stock: 2 });
    const guestCarts = () => db().then((prisma) => prisma.cart.count({ where: { userId: null } }));
    const before = await guestCarts();
    for (const [body, status] of [
      [{ productId: 'no-such-product', quantity: 1 }, 404],
      [{ productId: soldOut.id, quantity: 1 }, 409],
      [{ productId: few.id, quantity: 3 }, 409],
    ] as const) {
      const refused = await add({}, body);
      expect(refused.status, JSON.stringify(body)).toBe(status);
      expect(parseSetCookie(refused).has('cart')).toBe(false);
    }
    expect(await guestCarts()).toBe(before);
    // The refusal names the product and what is left; exactly what is left may be added.
    const tooMany = await add({}, { productId: few.id, quantity: 3 });
    expect((await errorBody(tooMany)).error.message).toContain(few.name);
    const exactly = await add({}, { productId: few.id, quantity: 2 });
    expect(exactly.status).toBe(200);
    expect(parseSetCookie(exactly).has('cart')).toBe(true);
  });

  it('set and remove a guest line; a guest with no cart has no line to change', async () => {
    const product = await createProduct();
    const { cookie } = await guestWith(product.id, 2);
    const set = await setItem(makeRequest(`/api/cart/items/${product.id}`, 'PATCH', { cookie, body: { quantity: 5 } }), params({ productId: product.id }));
    expect(set.status).toBe(200);
    expect(((await set.json()) as { items: { quantity: number }[] }).items[0]?.quantity).toBe(5);
    const removed = await removeItem(makeRequest(`/api/cart/items/${product.id}`, 'DELETE', { cookie }), params({ productId: product.id }));
    expect(await removed.json()).toEqual({ items: [], totalCents: 0 });

    const noCart = await setItem(makeRequest(`/api/cart/items/${product.id}`, 'PATCH', { body: { quantity: 1 } }), params({ productId: product.id }));
    expect(noCart.status).toBe(404);
  });

  it('refuse a guest write from another origin, a null one or none, like any cookie write', async () => {
    const product = await createProduct();
    const { cookie } = await guestWith(product.id);
    for (const origin of ['https://evil.example', 'null', null]) {
      const response = await add({ cookie, origin }, { productId: product.id });
      expect(response.status).toBe(403);
      expect((await errorBody(response)).error.code).toBe('forbidden_origin');
      // Without a cookie either: no cart is started for a forged request.
      const fresh = await add({ origin }, { productId: product.id });
      expect(fresh.status).toBe(403);
      expect(parseSetCookie(fresh).has('cart')).toBe(false);
    }
    const crossSite = await add({ cookie, headers: { 'sec-fetch-site': 'cross-site' } }, { productId: product.id });
    expect(crossSite.status).toBe(403);
    expect((await cartOf({ cookie })).items[0].quantity).toBe(1);
  });

  it('ignore a cookie that names no guest cart (or a user\'s cart): a new cart is started', async () => {
    const product = await createProduct();
    const prisma = await db();
    const email = uniqueEmail('owner');
    const owner = await signup(makeRequest('/api/auth/signup', 'POST', { body: { email, password: TEST_PASSWORD, name: 'Owner' } }), none);
    const ownerTokens = tokensFrom(owner);
    await add({ cookie: accessCookie(ownerTokens) }, { productId: product.id, quantity: 4 });
    const userCart = await prisma.cart.findFirstOrThrow({ where: { user: { email } } });

    for (const value of [userCart.id, 'A'.repeat(22), 'bad value']) {
      expect(await cartOf({ cookie: `cart=${value}` })).toEqual({ items: [], totalCents: 0 });
      const response = await add({ cookie: `cart=${value}` }, { productId: product.id });
      expect(response.status).toBe(200);
      expect(parseSetCookie(response).get('cart')?.value).not.toBe(value);
    }
    expect((await cartOf({ cookie: accessCookie(ownerTokens) })).items[0].quantity).toBe(4);
  });

  it('answer a guest checkout with 401, and a bad access cookie with 401 even beside a guest cart', async () => {
    const product = await createProduct();
    const { cookie } = await guestWith(product.id);
    const checkout = await checkoutRoute(makeRequest('/api/checkout', 'POST', { cookie }), none);
    expect(checkout.status).toBe(401);

    const withBadAccess = `${cookie}; access=eyJhbGciOiJFUzI1NiJ9.e30.AAAA; signed-in=1`;
    const read = await getCartRoute(makeRequest('/api/cart', 'GET', { cookie: withBadAccess }), none);
    expect(read.status).toBe(401);
    const write = await add({ cookie: withBadAccess }, { productId: product.id });
    expect(write.status).toBe(401);
    expect((await cartOf({ cookie })).items[0].quantity).toBe(1);

    // Any Authorization header, even a malformed one, or an empty access cookie: 401, not a guest.
    for (const headers of [{ authorization: 'Bearer' }, { authorization: 'Basic abc' }, { cookie: `${cookie}; access=` }] as Record<string, string>[]) {
      expect((await getCartRoute(makeRequest('/api/cart', 'GET', { headers }), none)).status, JSON.stringify(headers)).toBe(401);
    }
  });

  it('check the origin before the body: a foreign form post is 403, whatever its type', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await addItem(makeRequest('/api/cart/items', 'POST', { origin: 'https://evil.example', contentType, raw: 'productId=x' }), none);
      expect(response.status).toBe(403);
      expect(parseSetCookie(response).size).toBe(0);
    }
  });
});

describe('merge at sign-in', () => {
  it('JSON sign-up takes the guest cart into the new account and clears the cookie', async () => {
    const product = await createProduct({ priceCents: 800 });
    const { cookie, cartId } = await guestWith(product.id, 3);
    const response = await signup(
      makeRequest('/api/auth/signup', 'POST', { cookie, body: { email: uniqueEmail('merge'), password: TEST_PASSWORD, name: 'Merge Me' } }),
      none,
    );
    expect(response.status).toBe(201);
    const cleared = parseSetCookie(response).get('cart');
    expect(cleared?.attributes['max-age']).toBe('0');
    const tokens = tokensFrom(response);
    expect(await cartOf({ cookie: accessCookie(tokens) })).toMatchObject({ items: [{ productId: product.id, quantity: 3 }], totalCents: 2400 });
    expect(await (await db()).cart.findUnique({ where: { id: cartId } })).toBeNull();
  });

  it('JSON sign-in sums with the account\'s own cart and says when a cap applied', async () => {
    const scarce = await createProduct({ stock: 6 });
    const plenty = await createProduct({ stock: 500 });
    const email = uniqueEmail('merge');
    const created = await signup(makeRequest('/api/auth/signup', 'POST', { body: { email, password: TEST_PASSWORD, name: 'Has Cart' } }), none);
    const account = { cookie: accessCookie(tokensFrom(created)) };
    await add(account, { productId: scarce.id, quantity: 4 });
    await add(account, { productId: plenty.id, quantity: 90 });

    const guest = await guestWith(scarce.id, 4);
    await add({ cookie: guest.cookie }, { productId: plenty.id, quantity: 20 });
    const response = await login(makeRequest('/api/auth/login', 'POST', { cookie: guest.cookie, body: { email, password: TEST_PASSWORD } }), none);
    expect(response.status).toBe(200);
    expect(parseSetCookie(response).get('cart')?.attributes['max-age']).toBe('0');
    const cart = (await cartOf({ cookie: accessCookie(tokensFrom(response)) })) as { items: { productId: string; quantity: number }[]; mergeCapped?: boolean };
    expect(cart.mergeCapped).toBe(true);
    expect(Object.fromEntries(cart.items.map((line) => [line.productId, line.quantity]))).toEqual({ [scarce.id]: 6, [plenty.id]: 99 });
  });

  it('the token endpoint never merges a cookie cart (nor clears it)', async () => {
    const product = await createProduct();
    const email = uniqueEmail('bearer');
    await signup(makeRequest('/api/auth/signup', 'POST', { body: { email, password: TEST_PASSWORD, name: 'Script' } }), none);
    const { cookie, cartId } = await guestWith(product.id, 2);
    const response = await tokenEndpoint(
      new Request(`${APP}/api/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ grant_type: 'password', username: email, password: TEST_PASSWORD }).toString(),
      }),
    );
    expect(response.status).toBe(200);
    expect(parseSetCookie(response).has('cart')).toBe(false);
    const { access_token } = (await response.json()) as { access_token: string };
    expect(await cartOf({ bearer: access_token })).toEqual({ items: [], totalCents: 0 });
    expect((await cartOf({ cookie })).items).toHaveLength(1);
    expect(await (await db()).cart.findUnique({ where: { id: cartId } })).not.toBeNull();
  });
});
