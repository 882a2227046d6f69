// The cart and checkout rules at their edges, against a real database: exactly the limit is
// allowed and one more is not (99 a line, the stock), a guest key never reaches a user's cart, a
// change retires the merge notice, and a checkout needs a verified address when the site says so.
// (cart.int.test.ts, checkout.int.test.ts and guest-cart.int.test.ts cover the ordinary paths.)
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { addToCart, createGuestCart, getCart, mergeGuestCart, removeFromCart, setCartItemQuantity } from './cart';
import { checkout, getOrder, listOrders } from './orders';
import { createProduct, createUser } from '@/test/shop-data';

const lineOf = async (key: { userId: string } | { cartId: string }) => (await getCart(key)).items.map((line) => line.quantity);

describe('quantity bounds', () => {
  it('a line may hold exactly 99, by adding or by setting; 100 is refused either way', async () => {
    const { id: userId } = await createUser();
    const product = await createProduct({ stock: 500 });
    await addToCart({ userId, productId: product.id, quantity: 98 });
    expect(await lineOf({ userId })).toEqual([98]);
    await addToCart({ userId, productId: product.id, quantity: 1 });
    expect(await lineOf({ userId })).toEqual([99]);
    await expect(addToCart({ userId, productId: product.id, quantity: 1 })).rejects.toMatchObject({
      status: 400,
      code: 'quantity_too_large',
      // What the shopper is told: what they already have, not what they tried to reach.
      fields: { quantity: ['You already have 99 in your cart; the most you can have is 99.'] },
    });
    await setCartItemQuantity({ userId, productId: product.id, quantity: 50 });
    await setCartItemQuantity({ userId, productId: product.id, quantity: 99 });
    expect(await lineOf({ userId })).toEqual([99]);
    await expect(setCartItemQuantity({ userId, productId: product.id, quantity: 100 })).rejects.toMatchObject({
      code: 'quantity_too_large',
      fields: { quantity: ['The quantity can be at most 99.'] },
    });
    expect(await lineOf({ userId })).toEqual([99]);
  });

  it('a line may hold exactly the stock, by adding or by setting; one more is refused', async () => {
    const { id: userId } = await createUser();
    const product = await createProduct({ stock: 4, name: 'Four Left' });
    await addToCart({ userId, productId: product.id, quantity: 4 });
    expect(await lineOf({ userId })).toEqual([4]);
    await expect(addToCart({ userId, productId: product.id, quantity: 1 })).rejects.toMatchObject({ code: 'out_of_stock', fields: { [product.id]: ['Only 4 left.'] } });
    await setCartItemQuantity({ userId, productId: product.id, quantity: 1 });
    await setCartItemQuantity({ userId, productId: product.id, quantity: 4 });
    expect(await lineOf({ userId })).toEqual([4]);
    await expect(setCartItemQuantity({ userId, productId: product.id, quantity: 5 })).rejects.toMatchObject({
      code: 'out_of_stock',
      message: expect.stringContaining('“Four Left”'),
      fields: { [product.id]: ['Only 4 left.'] },
    });
    expect(await lineOf({ userId })).toEqual([4]);
  });

  it('setting a product that is not in your cart is 404 and adds no line', async () => {
    const { id: userId } = await createUser();
    const inCart = await createProduct();
    const other = await createProduct();
    await addToCart({ userId, productId: inCart.id, quantity: 1 });
    await expect(setCartItemQuantity({ userId, productId: other.id, quantity: 2 })).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(setCartItemQuantity({ userId, productId: 'no-such-product', quantity: 2 })).rejects.toMatchObject({ status: 404 });
    expect((await getCart({ userId })).items.map((line) => line.productId)).toEqual([inCart.id]);
  });
});

describe('whose cart', () => {
  it("a guest key naming a user's cart changes nothing in it: not a set, not a removal", async () => {
    const { id: userId } = await createUser();
    const product = await createProduct();
    await addToCart({ userId, productId: product.id, quantity: 3 });
    const userCart = await (await db()).cart.findUniqueOrThrow({ where: { userId } });
    await expect(setCartItemQuantity({ cartId: userCart.id, productId: product.id, quantity: 1 })).rejects.toMatchObject({ status: 409, code: 'cart_expired' });
    await removeFromCart({ cartId: userCart.id, productId: product.id });
    expect(await lineOf({ userId })).toEqual([3]);
  });

  it("removing only ever removes from the remover's own cart, and only that product", async () => {
    const a = await createUser('a');
    const b = await createUser('b');
    const mug = await createProduct();
    const pin = await createProduct();
    await addToCart({ userId: a.id, productId: mug.id, quantity: 1 });
    await addToCart({ userId: a.id, productId: pin.id, quantity: 2 });
    await addToCart({ userId: b.id, productId: mug.id, quantity: 5 });
    await removeFromCart({ userId: a.id, productId: mug.id });
    expect((await getCart({ userId: a.id })).items.map((line) => [line.productId, line.quantity])).toEqual([[pin.id, 2]]);
    expect(await lineOf({ userId: b.id })).toEqual([5]);
    // A user who never had a cart: nothing to remove, and no cart is made for it.
    const c = await createUser('c');
    expect((await removeFromCart({ userId: c.id, productId: mug.id })).items).toEqual([]);
    expect(await (await db()).cart.count({ where: { userId: c.id } })).toBe(0);
  });

  it('each user lists only their own orders, newest first', async () => {
    const a = await createUser('a');
    const b = await createUser('b');
    const product = await createProduct({ stock: 10 });
    await addToCart({ userId: a.id, productId: product.id, quantity: 1 });
    const first = await checkout({ userId: a.id });
    await addToCart({ userId: b.id, productId: product.id, quantity: 1 });
    const theirs = await checkout({ userId: b.id });
    await addToCart({ userId: a.id, productId: product.id, quantity: 2 });
    const second = await checkout({ userId: a.id });
    expect((await listOrders({ userId: a.id })).map((order) => order.id)).toEqual([second.id, first.id]);
    expect((await listOrders({ userId: b.id })).map((order) => order.id)).toEqual([theirs.id]);
    expect(await getOrder({ userId: a.id, orderId: theirs.id })).toBeNull();
  });

  it('lists by time placed, not by id, and by id (newest) within the same instant', async () => {
    const { id: userId } = await createUser();
    const product = await createProduct({ stock: 10 });
    const placed: string[] = [];
    for (let i = 0; i < 3; i++) {
      await addToCart({ userId, productId: product.id, quantity: 1 });
      placed.push((await checkout({ userId })).id);
    }
    const [low, mid, high] = [...placed].sort();
    const prisma = await db();
    // The lowest id placed last; the other two at one same instant before it.
    await prisma.order.update({ where: { id: low! }, data: { createdAt: new Date('2026-03-02T00:00:00Z') } });
    await prisma.order.updateMany({ where: { id: { in: [mid!, high!] } }, data: { createdAt: new Date('2026-03-01T00:00:00Z') } });
    expect((await listOrders({ userId })).map((order) => order.id)).toEqual([low, high, mid]);
  });
});

describe('the merge notice', () => {
  async function cappedCart(): Promise<{ userId: string; productId: string }> {
    const { id: userId } = await createUser();
    const product = await createProduct({ stock: 3 });
    const cartId = await createGuestCart();
    await addToCart({ cartId, productId: product.id, quantity: 3 });
    await addToCart({ userId, productId: product.id, quantity: 2 });
    expect(await mergeGuestCart({ userId, cartId })).toEqual({ capped: true });
    expect((await getCart({ userId })).mergeCapped).toBe(true);
    return { userId, productId: product.id };
  }

  it('is retired by the next add, set, removal or checkout', async () => {
    const other = await createProduct();
    let { userId, productId } = await cappedCart();
    await addToCart({ userId, productId: other.id, quantity: 1 });
    expect((await getCart({ userId })).mergeCapped).toBe(false);

    ({ userId, productId } = await cappedCart());
    await setCartItemQuantity({ userId, productId, quantity: 1 });
    expect((await getCart({ userId })).mergeCapped).toBe(false);

    ({ userId, productId } = await cappedCart());
    await removeFromCart({ userId, productId });
    expect((await getCart({ userId })).mergeCapped).toBe(false);

    ({ userId } = await cappedCart());
    await checkout({ userId });
    expect((await getCart({ userId })).mergeCapped).toBe(false);
  });
});

describe('the merge at sign-in', () => {
  it('leaves no cap notice when nothing was capped, even on a cart that already had lines', async () => {
    const { id: userId } = await createUser();
    const product = await createProduct({ stock: 50 });
    await addToCart({ userId, productId: product.id, quantity: 2 });
    const cartId = await createGuestCart();
    await addToCart({ cartId, productId: product.id, quantity: 3 });
    expect(await mergeGuestCart({ userId, cartId })).toEqual({ capped: false });
    expect(await getCart({ userId })).toMatchObject({ mergeCapped: false, itemCount: 5 });
  });
});

describe('checkout', () => {
  it('keeps the order lines in the order they were added, whatever the product ids', async () => {
    const { id: userId } = await createUser();
    const first = await createProduct({ name: 'Made First' });
    const second = await createProduct({ name: 'Made Second' });
    const [low, high] = [first, second].sort((x, y) => (x.id < y.id ? -1 : 1));
    await addToCart({ userId, productId: high!.id, quantity: 1 });
    await addToCart({ userId, productId: low!.id, quantity: 1 });
    // Distinct times, set rather than waited for: the line with the higher id came first.
    const prisma = await db();
    await prisma.cartItem.updateMany({ where: { cart: { userId }, productId: high!.id }, data: { createdAt: new Date('2026-01-01T00:00:00Z') } });
    await prisma.cartItem.updateMany({ where: { cart: { userId }, productId: low!.id }, data: { createdAt: new Date('2026-01-02T00:00:00Z') } });
    expect((await checkout({ userId })).items.map((item) => item.productId)).toEqual([high!.id, low!.id]);
  });

  it('names what is left when stock ran short since the item was added: "only 1 left", not "sold out"', async () => {
    const { id: userId } = await createUser();
    const product = await createProduct({ stock: 5, name: 'Nearly Gone' });
    await addToCart({ userId, productId: product.id, quantity: 2 });
    await (await db()).product.update({ where: { id: product.id }, data: { stock: 1 } });
    await expect(checkout({ userId })).rejects.toMatchObject({ code: 'out_of_stock', fields: { [product.id]: ['Only 1 left.'] } });
  });

  it('with AUTH_REQUIRE_VERIFIED_EMAIL, refuses an unverified address (403) and changes nothing; a verified one buys', async () => {
    process.env.AUTH_REQUIRE_VERIFIED_EMAIL = 'true';
    resetEnvForTests();
    const { id: userId } = await createUser();
    const product = await createProduct({ stock: 5 });
    await addToCart({ userId, productId: product.id, quantity: 2 });
    await expect(checkout({ userId })).rejects.toMatchObject({ status: 403, code: 'email_unverified' });
    const prisma = await db();
    expect(await lineOf({ userId })).toEqual([2]);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(5);
    await prisma.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
    expect((await checkout({ userId })).items).toHaveLength(1);
  });

  it('queues the confirmation mail to the buyer with the order, in the same transaction', async () => {
    const { id: userId } = await createUser('buyer');
    const product = await createProduct({ priceCents: 700 });
    await addToCart({ userId, productId: product.id, quantity: 3 });
    const prisma = await db();
    const { email } = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    const order = await checkout({ userId });
    const mails = await prisma.outboxMail.findMany({ where: { to: email, template: 'order_confirmation' } });
    expect(mails).toHaveLength(1);
    const { name } = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(JSON.parse(mails[0]!.payload)).toMatchObject({ name, orderId: order.id, totalCents: 2100 });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).email).toBe(email);
  });
});
