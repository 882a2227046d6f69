// Checkout against a real database: atomic, never below zero stock, own orders only.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { addToCart, getCart, setCartItemQuantity } from './cart';
import { cartFingerprint } from './cart-fingerprint';
import { checkout, getOrder, listOrders } from './orders';
import { createProduct, createUser } from '@/test/shop-data';

async function stockOf(productId: string): Promise<number | undefined> {
  const prisma = await db();
  return (await prisma.product.findUnique({ where: { id: productId } }))?.stock;
}

describe('checkout', () => {
  it('turns the cart into an order with price snapshots and empties the cart', async () => {
    const user = await createUser();
    const mug = await createProduct({ priceCents: 1800, stock: 10, name: 'Mug' });
    const pin = await createProduct({ priceCents: 900, stock: 10, name: 'Pin' });
    await addToCart({ userId: user.id, productId: mug.id, quantity: 2 });
    await addToCart({ userId: user.id, productId: pin.id, quantity: 1 });

    const order = await checkout({ userId: user.id });
    expect(order.totalCents).toBe(2 * 1800 + 900);
    expect(order.items).toEqual([
      { productId: mug.id, name: 'Mug', unitPriceCents: 1800, quantity: 2 },
      { productId: pin.id, name: 'Pin', unitPriceCents: 900, quantity: 1 },
    ]);
    expect(new Date(order.createdAt).toISOString()).toBe(order.createdAt);
    expect((await getCart({ userId: user.id })).items).toEqual([]);
    expect(await stockOf(mug.id)).toBe(8);
    expect(await stockOf(pin.id)).toBe(9);

    // Prices as paid: a later price change does not rewrite the order.
    const prisma = await db();
    await prisma.product.update({ where: { id: mug.id }, data: { priceCents: 9999, name: 'Renamed' } });
    expect(await getOrder({ userId: user.id, orderId: order.id })).toEqual(order);
    expect(await listOrders({ userId: user.id })).toEqual([order]);
  });

  it('uses current prices, not the ones seen when the item was added', async () => {
    const user = await createUser();
    const product = await createProduct({ priceCents: 1000 });
    await addToCart({ userId: user.id, productId: product.id, quantity: 1 });
    const prisma = await db();
    await prisma.product.update({ where: { id: product.id }, data: { priceCents: 1100 } });
    expect((await checkout({ userId: user.id })).totalCents).toBe(1100);
  });

  it('refuses an empty cart with 409 empty_cart', async () => {
    const user = await createUser();
    const error = await checkout({ userId: user.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(409);
    expect((error as AppError).code).toBe('empty_cart');
  });

  it('rolls everything back when one line is short', async () => {
    const user = await createUser();
    const plenty = await createProduct({ stock: 10 });
    const scarce = await createProduct({ stock: 2, name: 'Scarce Lamp' });
    await addToCart({ userId: user.id, productId: plenty.id, quantity: 3 });
    await addToCart({ userId: user.id, productId: scarce.id, quantity: 2 });
    // Someone else buys one in between.
    const prisma = await db();
    await prisma.product.update({ where: { id: scarce.id }, data: { stock: 1 } });

    const error = (await checkout({ userId: user.id }).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('out_of_stock');
    expect(error.message).toContain('Scarce Lamp');
    expect(error.fields).toHaveProperty(scarce.id);
    expect(await stockOf(plenty.id)).toBe(10);
    expect(await stockOf(scarce.id)).toBe(1);
    expect((await getCart({ userId: user.id })).items.map((i) => i.quantity)).toEqual([3, 2]);
    expect(await listOrders({ userId: user.id })).toEqual([]);
  });

  it('sells exactly the stock when 20 shoppers race for 5 units', async () => {
    const product = await createProduct({ stock: 5, name: 'Limited Edition' });
    const users = await Promise.all(Array.from({ length: 20 }, (_, i) => createUser(`racer${i}`)));
    for (const user of users) await addToCart({ userId: user.id, productId: product.id, quantity: 1 });

    const results = await Promise.allSettled(users.map((user) => checkout({ userId: user.id })));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(5);
    expect(lost).toHaveLength(15);
    for (const { reason } of lost) {
      expect(reason).toBeInstanceOf(AppError);
      expect((reason as AppError).code).toBe('out_of_stock');
    }
    expect(await stockOf(product.id)).toBe(0);

    const prisma = await db();
    expect(await prisma.orderItem.count({ where: { productId: product.id } })).toBe(5);
    // Losers keep their cart exactly as it was.
    for (const [i, result] of results.entries()) {
      const cart = await getCart({ userId: users[i]!.id });
      expect(cart.items.map((item) => item.quantity)).toEqual(result.status === 'fulfilled' ? [] : [1]);
    }
  });

  it('places one order when the same cart is checked out twice at once', async () => {
    const user = await createUser();
    const product = await createProduct({ stock: 10 });
    await addToCart({ userId: user.id, productId: product.id, quantity: 2 });
    const results = await Promise.allSettled([checkout({ userId: user.id }), checkout({ userId: user.id })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await stockOf(product.id)).toBe(8);
    expect(await listOrders({ userId: user.id })).toHaveLength(1);
  });
});

describe('orders', () => {
  it("are private: B cannot see A's order", async () => {
    const a = await createUser('a');
    const b = await createUser('b');
    const product = await createProduct();
    await addToCart({ userId: a.id, productId: product.id, quantity: 1 });
    const order = await checkout({ userId: a.id });

    expect(await getOrder({ userId: b.id, orderId: order.id })).toBeNull();
    expect(await listOrders({ userId: b.id })).toEqual([]);
    expect(await getOrder({ userId: a.id, orderId: order.id })).toEqual(order);
    expect(await getOrder({ userId: a.id, orderId: 'no-such-order' })).toBeNull();
  });

  it('list every order once with all its lines, newest first, and an order whose lines are gone with none', async () => {
    const user = await createUser();
    const [mug, pin] = [await createProduct({ name: 'Mug' }), await createProduct({ name: 'Pin' })];
    await addToCart({ userId: user.id, productId: mug.id, quantity: 2 });
    await addToCart({ userId: user.id, productId: pin.id, quantity: 1 });
    const older = await checkout({ userId: user.id });
    await addToCart({ userId: user.id, productId: pin.id, quantity: 3 });
    const newer = await checkout({ userId: user.id });
    expect(await listOrders({ userId: user.id })).toEqual([newer, older]);

    // Lines removed by hand (the app never writes an order without lines): the order still shows.
    const prisma = await db();
    await prisma.orderItem.deleteMany({ where: { orderId: older.id } });
    expect(await listOrders({ userId: user.id })).toEqual([newer, { ...older, items: [] }]);
  });
});

describe('checkout of the cart as reviewed (the fingerprint the checkout page sends)', () => {
  /** What the checkout page puts in its form: the fingerprint of the cart it shows. */
  const reviewed = async (userId: string) => cartFingerprint((await getCart({ userId })).items);

  async function reviewedCart() {
    const user = await createUser('review');
    const mug = await createProduct({ priceCents: 1200, stock: 50, name: 'Reviewed Mug' });
    const pin = await createProduct({ priceCents: 300, stock: 50, name: 'Reviewed Pin' });
    await addToCart({ userId: user.id, productId: mug.id, quantity: 1 });
    await addToCart({ userId: user.id, productId: pin.id, quantity: 2 });
    return { user, mug, pin, fingerprint: await reviewed(user.id) };
  }

  /** Refused with 409 cart_changed, and nothing written: no order, stock and cart as they are now. */
  async function expectRefusedUnchanged(userId: string, fingerprint: string, productIds: string[]) {
    const prisma = await db();
    const cartBefore = await getCart({ userId });
    const stockBefore = await Promise.all(productIds.map(stockOf));
    const error = (await checkout({ userId, expected: fingerprint }).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect([error.status, error.code]).toEqual([409, 'cart_changed']);
    expect(error.message).toBe('Your cart changed since you reviewed it: check it and place the order again.');
    expect(await listOrders({ userId })).toEqual([]);
    const { email } = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    expect(await prisma.outboxMail.count({ where: { to: email } })).toBe(0);
    expect(await Promise.all(productIds.map(stockOf))).toEqual(stockBefore);
    expect(await getCart({ userId })).toEqual(cartBefore);
  }

  it('places the order the page showed', async () => {
    const { user, mug, pin, fingerprint } = await reviewedCart();
    const order = await checkout({ userId: user.id, expected: fingerprint });
    expect(order.totalCents).toBe(1200 + 2 * 300);
    expect(order.items.map((i) => [i.productId, i.quantity])).toEqual([[mug.id, 1], [pin.id, 2]]);
    expect(await stockOf(mug.id)).toBe(49);
    expect(await stockOf(pin.id)).toBe(48);
    expect((await getCart({ userId: user.id })).items).toEqual([]);
  });

  it('refuses a quantity raised after the review (40 more added in another tab or by an API token)', async () => {
    const { user, mug, pin, fingerprint } = await reviewedCart();
    await addToCart({ userId: user.id, productId: mug.id, quantity: 40 });
    await expectRefusedUnchanged(user.id, fingerprint, [mug.id, pin.id]);
    expect((await getCart({ userId: user.id })).items.map((i) => i.quantity)).toEqual([41, 2]);
    // Reviewed again, the new cart is ordered.
    expect((await checkout({ userId: user.id, expected: await reviewed(user.id) })).totalCents).toBe(41 * 1200 + 2 * 300);
  });

  it('refuses a line added, or removed, after the review', async () => {
    const { user, mug, pin, fingerprint } = await reviewedCart();
    const lamp = await createProduct({ priceCents: 5000, stock: 5 });
    await addToCart({ userId: user.id, productId: lamp.id, quantity: 1 });
    await expectRefusedUnchanged(user.id, fingerprint, [mug.id, pin.id, lamp.id]);

    const before = await reviewed(user.id);
    await setCartItemQuantity({ userId: user.id, productId: lamp.id, quantity: 0 });
    await expectRefusedUnchanged(user.id, before, [mug.id, pin.id, lamp.id]);
  });

  it('refuses a price changed after the review, and keeps the merge notice', async () => {
    const { user, mug, pin, fingerprint } = await reviewedCart();
    const prisma = await db();
    await prisma.product.update({ where: { id: pin.id }, data: { priceCents: 350 } });
    await prisma.cart.update({ where: { userId: user.id }, data: { mergeCapped: true } });
    await expectRefusedUnchanged(user.id, fingerprint, [mug.id, pin.id]);
    expect((await getCart({ userId: user.id })).mergeCapped).toBe(true);
  });

  it('refuses a fingerprint that matches no cart (a form posted without one)', async () => {
    const { user, mug, pin } = await reviewedCart();
    await expectRefusedUnchanged(user.id, '', [mug.id, pin.id]);
  });

  it('without a fingerprint, orders what the cart holds (as before)', async () => {
    const { user, mug } = await reviewedCart();
    await addToCart({ userId: user.id, productId: mug.id, quantity: 40 });
    expect((await checkout({ userId: user.id })).totalCents).toBe(41 * 1200 + 2 * 300);
  });

  it('still answers an empty cart with empty_cart and a short line with out_of_stock', async () => {
    const empty = await createUser('review-empty');
    const none = (await checkout({ userId: empty.id, expected: await reviewed(empty.id) }).catch((e: unknown) => e)) as AppError;
    expect([none.status, none.code]).toEqual([409, 'empty_cart']);

    const { user, mug, pin, fingerprint } = await reviewedCart();
    const prisma = await db();
    await prisma.product.update({ where: { id: pin.id }, data: { stock: 1 } });
    const short = (await checkout({ userId: user.id, expected: fingerprint }).catch((e: unknown) => e)) as AppError;
    expect([short.status, short.code]).toEqual([409, 'out_of_stock']);
    expect(await stockOf(mug.id)).toBe(50);
    expect((await getCart({ userId: user.id })).items.map((i) => i.quantity)).toEqual([1, 2]);
  });
});
