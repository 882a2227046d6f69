// Whose cart the shop's server actions change. Adding starts a guest cart on the first write;
// changing or removing a line never does: a guest with no cart has no line, and a cart started
// for nothing would set a cookie and spend a slot of the guest-cart limit.
//
// Actions read the request through next/headers, replaced here by the request's own headers and
// cookies; next/cache's refresh needs Next's request scope and is a no-op here. The guard,
// the database and the cart are real.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { removeCartItemAction, updateCartItemAction } from '@/app/(shop)/actions';
import { db } from '@/lib/db';
import { request } from '@/test/next-headers';
import { createProduct, createUser } from '@/test/shop-data';
import { addToCart, createGuestCart, getCart } from './cart';
import { cartKeyOfAction } from './cart-owner';

vi.mock('next/headers', async () => (await import('@/test/next-headers')).nextHeaders);
vi.mock('next/cache', () => ({ refresh: () => {} }));

/** A form post from this app's own page, with the cookie the browser holds. */
function post(cookie?: string) {
  request.headers = new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000', ...(cookie ? { cookie } : {}) });
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const IDLE = { status: 'idle' } as never;

beforeEach(() => {
  post();
  request.cookiesSetHere = {};
});

describe('changing or removing a line', () => {
  it('as a guest without a cart starts none: update says the product is not in the cart, remove has nothing to do', async () => {
    const prisma = await db();
    const product = await createProduct({ stock: 5 });
    const before = await prisma.cart.count();
    const updated = await updateCartItemAction(IDLE, form({ productId: product.id, quantity: '2' }));
    expect(updated).toMatchObject({ status: 'error', message: 'That product is not in your cart.' });
    expect(await removeCartItemAction(IDLE, form({ productId: product.id }))).toMatchObject({ status: 'ok' });
    expect(await prisma.cart.count()).toBe(before);
    expect(request.cookiesSetHere).toEqual({});
  });

  it('as a guest whose cart was purged (the cookie outlived it) says so, and starts no new cart', async () => {
    const prisma = await db();
    const product = await createProduct({ stock: 5 });
    const cartId = await createGuestCart();
    await prisma.cart.delete({ where: { id: cartId } });
    post(`cart=${cartId}`);
    const before = await prisma.cart.count();
    expect(await updateCartItemAction(IDLE, form({ productId: product.id, quantity: '2' }))).toMatchObject({ status: 'error', code: 'cart_expired' });
    expect(await removeCartItemAction(IDLE, form({ productId: product.id }))).toMatchObject({ status: 'ok' });
    expect(await prisma.cart.count()).toBe(before);
    expect(request.cookiesSetHere).toEqual({});
  });

  it("as a guest with a cart changes that cart's line", async () => {
    const product = await createProduct({ stock: 5 });
    const cartId = await createGuestCart();
    await addToCart({ cartId, productId: product.id, quantity: 1 });
    post(`cart=${cartId}`);
    expect(await updateCartItemAction(IDLE, form({ productId: product.id, quantity: '3' }))).toMatchObject({ status: 'ok' });
    expect((await getCart({ cartId })).items).toMatchObject([{ productId: product.id, quantity: 3 }]);
    expect(await removeCartItemAction(IDLE, form({ productId: product.id }))).toMatchObject({ status: 'ok' });
    expect((await getCart({ cartId })).items).toEqual([]);
  });
});

describe('the cart a line change goes to', () => {
  it('is none for a cookie that is not a cart id', async () => {
    post('cart=not-a-cart-id');
    expect(await cartKeyOfAction(null, false)).toBeNull();
  });

  it("is the signed-in user's cart, whatever guest cookie comes with the request", async () => {
    const user = await createUser('line-change');
    // The guard's session: only its user is read here.
    const session = { user: { id: user.id } } as Parameters<typeof cartKeyOfAction>[0];
    post(`cart=${await createGuestCart()}`);
    expect(await cartKeyOfAction(session, false)).toEqual({ userId: user.id });
  });
});
