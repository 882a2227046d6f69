// The checkout form's action: it orders the cart the page showed (its hidden `cartFingerprint`),
// and a cart changed since is refused with the message the form shows, the page refreshed so it
// shows the new cart. next/headers answers from the test's request; refresh() (the browser's
// router fetching the page again) is recorded; the guard, the database, the cart and redirect()
// are real.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { refresh } from 'next/cache';
import { checkoutAction } from '@/app/(shop)/actions';
import { startSession } from '@/lib/auth/sign-ins';
import { db } from '@/lib/db';
import { addToCart, getCart } from '@/lib/shop/cart';
import { cartFingerprint } from '@/lib/shop/cart-fingerprint';
import { listOrders } from '@/lib/shop/orders';
import { request } from '@/test/next-headers';
import { createProduct, createUser } from '@/test/shop-data';

vi.mock('next/headers', async () => (await import('@/test/next-headers')).nextHeaders);
vi.mock('next/cache', () => ({ refresh: vi.fn() }));

const IDLE = {} as never;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** A signed-in shopper with 1 × €12.00 in the cart, posting from this app's checkout page. */
async function reviewing() {
  const user = await createUser('checkout-form');
  const access = (await startSession(user.id)).access.token;
  request.headers = new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000', cookie: `access=${access}; signed-in=1` });
  const product = await createProduct({ priceCents: 1200, stock: 100 });
  await addToCart({ userId: user.id, productId: product.id, quantity: 1 });
  // What the page renders into the form.
  const fingerprint = cartFingerprint((await getCart({ userId: user.id })).items);
  return { user, product, fingerprint };
}

async function stockOf(productId: string) {
  return (await (await db()).product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } })).stock;
}

beforeEach(() => {
  vi.mocked(refresh).mockClear();
  request.cookiesSetHere = {};
});

describe('checkoutAction', () => {
  it('places the reviewed cart and goes to the order', async () => {
    const { user, product, fingerprint } = await reviewing();
    const digest = await checkoutAction(IDLE, form({ cartFingerprint: fingerprint })).then(
      () => 'no redirect',
      (error: { digest?: string }) => error.digest ?? String(error),
    );
    const [order] = await listOrders({ userId: user.id });
    expect(digest).toContain(`/orders/${order!.id}?placed=1`);
    expect(order!.totalCents).toBe(1200);
    expect(await stockOf(product.id)).toBe(99);
  });

  it('refuses a cart changed since the review (40 added elsewhere): the message, no order, and the page refreshed', async () => {
    const { user, product, fingerprint } = await reviewing();
    await addToCart({ userId: user.id, productId: product.id, quantity: 40 });
    const state = await checkoutAction(IDLE, form({ cartFingerprint: fingerprint }));
    expect(state).toMatchObject({
      status: 'error',
      code: 'cart_changed',
      message: 'Your cart changed since you reviewed it: check it and place the order again.',
    });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(await listOrders({ userId: user.id })).toEqual([]);
    expect(await stockOf(product.id)).toBe(100);
    expect((await getCart({ userId: user.id })).items.map((i) => i.quantity)).toEqual([41]);
  });

  it('refuses a post without the fingerprint (or a mangled one) the same way', async () => {
    const { user } = await reviewing();
    for (const fields of [{}, { cartFingerprint: 'nonsense' }] as Record<string, string>[]) {
      expect(await checkoutAction(IDLE, form(fields))).toMatchObject({ status: 'error', code: 'cart_changed' });
    }
    expect(await listOrders({ userId: user.id })).toEqual([]);
  });

  it('still says an empty cart is empty, without revalidating', async () => {
    const { user, product, fingerprint } = await reviewing();
    await (await db()).cartItem.deleteMany({ where: { productId: product.id, cart: { userId: user.id } } });
    expect(await checkoutAction(IDLE, form({ cartFingerprint: fingerprint }))).toMatchObject({ status: 'error', code: 'empty_cart' });
    expect(refresh).not.toHaveBeenCalled();
  });
});
