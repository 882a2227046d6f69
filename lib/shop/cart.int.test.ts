// The cart data layer against a real migrated and seeded database (SQLite and Postgres).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { addToCart, cartJson, getCart, getCartCount, removeFromCart, setCartItemQuantity } from './cart';
import { listProducts } from './products';
import { createProduct, createUser } from '@/test/shop-data';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('catalogue', () => {
  it('is seeded with at least 24 products in at least 4 categories, each with its own picture served from the app', async () => {
    const products = await listProducts();
    expect(products.length).toBeGreaterThanOrEqual(24);
    for (const product of products) {
      expect(Object.keys(product).sort()).toEqual(['category', 'description', 'id', 'imageUrl', 'name', 'priceCents', 'slug', 'stock']);
      expect(Number.isInteger(product.priceCents)).toBe(true);
    }
    // Other files' test products (test/shop-data.ts) may carry a category and a shared picture.
    const seeded = products.filter((p) => p.category !== null && !p.slug.startsWith('test-product-'));
    expect(seeded.length).toBeGreaterThanOrEqual(24);
    expect(new Set(seeded.map((p) => p.category!.slug)).size).toBeGreaterThanOrEqual(4);
    const images = seeded.map((p) => p.imageUrl);
    expect(new Set(images).size).toBe(seeded.length);
    for (const url of images) expect(existsSync(join(process.cwd(), 'public', url))).toBe(true);
  });
});

describe('cart', () => {
  it('adds, increments, sets and removes a line', async () => {
    const user = await createUser();
    const product = await createProduct({ priceCents: 1250, stock: 50 });

    let cart = await addToCart({ userId: user.id, productId: product.id, quantity: 1 });
    expect(cartJson(cart)).toEqual({
      items: [{ productId: product.id, slug: product.slug, name: product.name, unitPriceCents: 1250, quantity: 1, lineTotalCents: 1250 }],
      totalCents: 1250,
    });

    cart = await addToCart({ userId: user.id, productId: product.id, quantity: 2 });
    expect(cart.items).toHaveLength(1);
    expect(cart.items[0]?.quantity).toBe(3);
    expect(cart.totalCents).toBe(3750);
    expect(await getCartCount({ userId: user.id })).toBe(3);

    cart = await setCartItemQuantity({ userId: user.id, productId: product.id, quantity: 7 });
    expect(cart.items[0]?.quantity).toBe(7);
    expect(cart.items[0]?.lineTotalCents).toBe(8750);

    cart = await setCartItemQuantity({ userId: user.id, productId: product.id, quantity: 0 });
    expect(cart.items).toEqual([]);

    await addToCart({ userId: user.id, productId: product.id, quantity: 1 });
    cart = await removeFromCart({ userId: user.id, productId: product.id });
    expect(cart).toEqual({ items: [], totalCents: 0, itemCount: 0, mergeCapped: false });
    // Removing again is harmless.
    expect((await removeFromCart({ userId: user.id, productId: product.id })).items).toEqual([]);
  });

  it('totals several lines', async () => {
    const user = await createUser();
    const a = await createProduct({ priceCents: 500 });
    const b = await createProduct({ priceCents: 999 });
    await addToCart({ userId: user.id, productId: a.id, quantity: 2 });
    const cart = await addToCart({ userId: user.id, productId: b.id, quantity: 3 });
    expect(cart.items.map((i) => i.productId)).toEqual([a.id, b.id]);
    expect(cart.totalCents).toBe(2 * 500 + 3 * 999);
    expect(cart.itemCount).toBe(5);
  });

  it('refuses an unknown product with 404', async () => {
    const user = await createUser();
    const error = await refusal(addToCart({ userId: user.id, productId: 'no-such-product', quantity: 1 }));
    expect(error.status).toBe(404);
    expect(error.code).toBe('not_found');
  });

  it('refuses a line over 99 with a 400 naming quantity, and changes nothing', async () => {
    const user = await createUser();
    const product = await createProduct({ stock: 500 });
    await addToCart({ userId: user.id, productId: product.id, quantity: 90 });
    const error = await refusal(addToCart({ userId: user.id, productId: product.id, quantity: 10 }));
    expect(error.status).toBe(400);
    expect(error.code).toBe('quantity_too_large');
    expect(Object.keys(error.fields ?? {})).toEqual(['quantity']);
    expect((await getCart({ userId: user.id })).items[0]?.quantity).toBe(90);
  });

  it('refuses more than the stock with 409 out_of_stock naming the product', async () => {
    const user = await createUser();
    const product = await createProduct({ stock: 3, name: 'Scarce Thing' });
    await addToCart({ userId: user.id, productId: product.id, quantity: 2 });
    const error = await refusal(addToCart({ userId: user.id, productId: product.id, quantity: 2 }));
    expect(error.status).toBe(409);
    expect(error.code).toBe('out_of_stock');
    expect(error.message).toContain('Scarce Thing');
    expect(error.fields).toHaveProperty(product.id);
    expect((await getCart({ userId: user.id })).items[0]?.quantity).toBe(2);

    const setError = await refusal(setCartItemQuantity({ userId: user.id, productId: product.id, quantity: 4 }));
    expect(setError.code).toBe('out_of_stock');
  });

  it('sums 20 concurrent adds of the same product on one line', async () => {
    const user = await createUser();
    const product = await createProduct({ stock: 99 });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => addToCart({ userId: user.id, productId: product.id, quantity: 2 })),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const prisma = await db();
    const rows = await prisma.cartItem.findMany({ where: { cart: { userId: user.id } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.quantity).toBe(40);
  });

  it('lets concurrent adds past the maximum fail without going over it', async () => {
    const user = await createUser();
    const product = await createProduct({ stock: 500 });
    const results = await Promise.allSettled(
      Array.from({ length: 15 }, () => addToCart({ userId: user.id, productId: product.id, quantity: 10 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(9);
    expect((await getCart({ userId: user.id })).items[0]?.quantity).toBe(90);
  });

  it("keeps users' carts apart: B cannot change A's cart", async () => {
    const a = await createUser('a');
    const b = await createUser('b');
    const product = await createProduct();
    await addToCart({ userId: a.id, productId: product.id, quantity: 2 });

    // B's writes only ever touch B's own lines.
    await removeFromCart({ userId: b.id, productId: product.id });
    const error = await refusal(setCartItemQuantity({ userId: b.id, productId: product.id, quantity: 5 }));
    expect(error.status).toBe(404);
    expect((await getCart({ userId: b.id })).items).toEqual([]);
    expect((await getCart({ userId: a.id })).items[0]?.quantity).toBe(2);
  });
});
