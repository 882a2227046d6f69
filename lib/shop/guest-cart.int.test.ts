// The guest cart's data layer against a real database (SQLite and Postgres): guest lines, the
// merge at sign-in (arithmetic and caps, idempotence under concurrency, a checkout racing it) and
// the purge of idle guest carts.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { addToCart, createGuestCart, getCart, mergeGuestCart, purgeIdleGuestCarts, removeFromCart, setCartItemQuantity } from './cart';
import { checkout } from './orders';
import { createProduct, createUser } from '@/test/shop-data';

const quantities = (cart: { items: { productId: string; quantity: number }[] }) =>
  Object.fromEntries(cart.items.map((line) => [line.productId, line.quantity]));

describe('guest cart', () => {
  it('adds, sets and removes lines on a cart with no user', async () => {
    const cartId = await createGuestCart();
    const product = await createProduct({ priceCents: 300 });
    let cart = await addToCart({ cartId, productId: product.id, quantity: 2 });
    expect(cart.items).toMatchObject([{ productId: product.id, quantity: 2, lineTotalCents: 600 }]);
    cart = await addToCart({ cartId, productId: product.id, quantity: 1 });
    expect(cart.itemCount).toBe(3);
    cart = await setCartItemQuantity({ cartId, productId: product.id, quantity: 7 });
    expect(cart.items[0]?.quantity).toBe(7);
    cart = await removeFromCart({ cartId, productId: product.id });
    expect(cart.items).toEqual([]);
  });

  it("cannot be reached through a user's cart id, and a purged or merged id is refused with 409", async () => {
    const user = await createUser();
    const product = await createProduct();
    await addToCart({ userId: user.id, productId: product.id, quantity: 2 });
    const userCart = await (await db()).cart.findUniqueOrThrow({ where: { userId: user.id } });
    expect((await getCart({ cartId: userCart.id })).items).toEqual([]);
    await expect(addToCart({ cartId: userCart.id, productId: product.id, quantity: 1 })).rejects.toMatchObject({ status: 409, code: 'cart_expired' });
    await expect(addToCart({ cartId: 'never-existed-000000000', productId: product.id, quantity: 1 })).rejects.toMatchObject({ code: 'cart_expired' });
    expect((await getCart({ userId: user.id })).items[0]?.quantity).toBe(2);
  });
});

describe('mergeGuestCart', () => {
  it('sums quantities, caps at 99 and at the stock, never lowers what the user had, and says when a cap applied', async () => {
    const user = await createUser();
    const plain = await createProduct({ stock: 50 });
    const many = await createProduct({ stock: 500 });
    const scarce = await createProduct({ stock: 5 });
    const dwindled = await createProduct({ stock: 10 });
    const fresh = await createProduct({ stock: 10 });
    await addToCart({ userId: user.id, productId: plain.id, quantity: 2 });
    await addToCart({ userId: user.id, productId: many.id, quantity: 60 });
    await addToCart({ userId: user.id, productId: scarce.id, quantity: 3 });
    await addToCart({ userId: user.id, productId: dwindled.id, quantity: 8 });

    const cartId = await createGuestCart();
    await addToCart({ cartId, productId: plain.id, quantity: 3 });
    await addToCart({ cartId, productId: many.id, quantity: 60 });
    await addToCart({ cartId, productId: scarce.id, quantity: 4 });
    await addToCart({ cartId, productId: dwindled.id, quantity: 1 });
    await addToCart({ cartId, productId: fresh.id, quantity: 4 });
    // Stock fell below what the user already holds after both were filled.
    await (await db()).product.update({ where: { id: dwindled.id }, data: { stock: 6 } });

    expect(await mergeGuestCart({ userId: user.id, cartId })).toEqual({ capped: true });
    const cart = await getCart({ userId: user.id });
    expect(quantities(cart)).toEqual({ [plain.id]: 5, [many.id]: 99, [scarce.id]: 5, [dwindled.id]: 8, [fresh.id]: 4 });
    expect(cart.mergeCapped).toBe(true);
    expect((await getCart({ cartId })).items).toEqual([]);
    expect(await (await db()).cart.findUnique({ where: { id: cartId } })).toBeNull();

    // The notice lasts until the cart next changes.
    await setCartItemQuantity({ userId: user.id, productId: plain.id, quantity: 1 });
    expect((await getCart({ userId: user.id })).mergeCapped).toBe(false);
  });

  it('creates the user cart when there was none, without a cap notice when nothing was capped; skips sold-out lines', async () => {
    const user = await createUser();
    const product = await createProduct({ stock: 9 });
    const gone = await createProduct({ stock: 3 });
    const cartId = await createGuestCart();
    await addToCart({ cartId, productId: product.id, quantity: 9 });
    await addToCart({ cartId, productId: gone.id, quantity: 1 });
    expect(await mergeGuestCart({ userId: user.id, cartId })).toEqual({ capped: false });
    expect(quantities(await getCart({ userId: user.id }))).toEqual({ [product.id]: 9, [gone.id]: 1 });

    const second = await createGuestCart();
    await addToCart({ cartId: second, productId: gone.id, quantity: 2 });
    await (await db()).product.update({ where: { id: gone.id }, data: { stock: 0 } });
    const other = await createUser();
    expect(await mergeGuestCart({ userId: other.id, cartId: second })).toEqual({ capped: true });
    expect((await getCart({ userId: other.id })).items).toEqual([]);
  });

  it('merges once when two sign-ins merge the same guest cart at the same time', async () => {
    const user = await createUser();
    const product = await createProduct({ stock: 500 });
    await addToCart({ userId: user.id, productId: product.id, quantity: 1 });
    const cartId = await createGuestCart();
    await addToCart({ cartId, productId: product.id, quantity: 10 });

    const results = await Promise.all(Array.from({ length: 6 }, () => mergeGuestCart({ userId: user.id, cartId })));
    expect(results).toHaveLength(6);
    expect((await getCart({ userId: user.id })).items[0]?.quantity).toBe(11);
    // And again later: nothing left to merge.
    expect(await mergeGuestCart({ userId: user.id, cartId })).toEqual({ capped: false });
    expect((await getCart({ userId: user.id })).items[0]?.quantity).toBe(11);
  });

  it('a guest removing a line while a sign-in in another tab merges that cart: both finish, never an error', async () => {
    for (let round = 0; round < 5; round++) {
      const user = await createUser();
      const product = await createProduct({ stock: 50 });
      const cartId = await createGuestCart();
      await addToCart({ cartId, productId: product.id, quantity: 2 });
      const [removed, merged] = await Promise.allSettled([removeFromCart({ cartId, productId: product.id }), mergeGuestCart({ userId: user.id, cartId })]);
      expect(merged.status).toBe('fulfilled');
      // Removed first (nothing merged), or merged first (the guest's cart is gone: 409 cart_gone), never a crash.
      if (removed.status === 'rejected') expect(removed.reason).toMatchObject({ status: 409 });
      expect([0, 2]).toContain((await getCart({ userId: user.id })).items[0]?.quantity ?? 0);
    }
  });

  it('ignores an id that is a user cart', async () => {
    const owner = await createUser();
    const thief = await createUser();
    const product = await createProduct();
    await addToCart({ userId: owner.id, productId: product.id, quantity: 2 });
    const ownerCart = await (await db()).cart.findUniqueOrThrow({ where: { userId: owner.id } });
    expect(await mergeGuestCart({ userId: thief.id, cartId: ownerCart.id })).toEqual({ capped: false });
    expect((await getCart({ userId: thief.id })).items).toEqual([]);
    expect((await getCart({ userId: owner.id })).items[0]?.quantity).toBe(2);
  });

  it('with a checkout racing it, every unit ends up either in the order or still in the cart', async () => {
    for (let round = 0; round < 4; round++) {
      const user = await createUser();
      const a = await createProduct({ stock: 100 });
      const b = await createProduct({ stock: 100 });
      await addToCart({ userId: user.id, productId: a.id, quantity: 2 });
      const cartId = await createGuestCart();
      await addToCart({ cartId, productId: a.id, quantity: 3 });
      await addToCart({ cartId, productId: b.id, quantity: 4 });

      const [merged, order] = await Promise.allSettled([mergeGuestCart({ userId: user.id, cartId }), checkout({ userId: user.id })]);
      expect(merged.status).toBe('fulfilled');
      expect(order.status).toBe('fulfilled');
      const ordered = order.status === 'fulfilled' ? Object.fromEntries(order.value.items.map((i) => [i.productId, i.quantity])) : {};
      const left = quantities(await getCart({ userId: user.id }));
      expect((ordered[a.id] ?? 0) + (left[a.id] ?? 0)).toBe(5);
      expect((ordered[b.id] ?? 0) + (left[b.id] ?? 0)).toBe(4);
      const prisma = await db();
      expect((await prisma.product.findUniqueOrThrow({ where: { id: a.id } })).stock).toBe(100 - (ordered[a.id] ?? 0));
    }
  });
});

describe('purgeIdleGuestCarts', () => {
  it('deletes guest carts idle for 30 days with their lines, and keeps recent ones and every user cart', async () => {
    const prisma = await db();
    const product = await createProduct();
    const idle = await createGuestCart();
    await addToCart({ cartId: idle, productId: product.id, quantity: 1 });
    const recent = await createGuestCart();
    await addToCart({ cartId: recent, productId: product.id, quantity: 1 });
    const user = await createUser();
    await addToCart({ userId: user.id, productId: product.id, quantity: 1 });
    const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    await prisma.cart.updateMany({ where: { OR: [{ id: idle }, { userId: user.id }] }, data: { updatedAt: longAgo } });
    await prisma.cart.update({ where: { id: recent }, data: { updatedAt: new Date(Date.now() - 29 * 24 * 60 * 60 * 1000) } });

    expect(await purgeIdleGuestCarts()).toBeGreaterThanOrEqual(1);
    expect(await prisma.cart.findUnique({ where: { id: idle } })).toBeNull();
    expect(await prisma.cartItem.count({ where: { cartId: idle } })).toBe(0);
    expect(await prisma.cart.findUnique({ where: { id: recent } })).not.toBeNull();
    expect((await getCart({ userId: user.id })).items).toHaveLength(1);
    expect(await purgeIdleGuestCarts()).toBe(0);
  });
});
