// The cart data layer. A cart belongs to a user (`{ userId }`, checked by the caller's session)
// or to a guest (`{ cartId }`, the random id in the guest's `cart` cookie). Every query is scoped
// by that key: a guest key only ever matches a cart with no user, so a cart id of a signed-in
// user's cart put into a cookie opens nothing.
//
// Writes are atomic: an add is one upsert with `quantity: { increment }` inside a short
// transaction that also checks the result (over the line maximum or the stock → thrown, so the
// transaction rolls back and nothing changes). Two first adds of the same product race on the
// unique (cartId, productId) index; the loser's P2002 re-runs the transaction, which then
// increments the winner's line. So concurrent adds sum up on one line, never a lost update.
// Every write first updates the Cart row (its `updatedAt`, which the purge of idle guest carts
// reads): on Postgres that row lock also serialises a merge with a checkout of the same cart.
import 'server-only';
import { sqltag as sql } from '@prisma/client/runtime/client';
import { db } from '@/lib/db';
import { queryRows } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { MAX_LINE_QUANTITY } from '@/lib/validation/cart';
import type { CartJson } from '@/lib/validation/responses';
import { isPlainId } from '@/lib/validation/text';
import { newGuestCartId } from './cart-cookie';
import { outOfStock, productNotFound, quantityTooLarge } from './errors';
import { writeTransaction, type Tx } from './transaction';

/** Whose cart: a signed-in user's, or a guest's by the id in their cookie. */
export type CartKey = { userId: string } | { cartId: string };

export interface CartLineDto {
  productId: string;
  slug: string;
  name: string;
  imageUrl: string;
  /** Current stock: the cart page warns before checkout refuses. */
  stock: number;
  unitPriceCents: number;
  quantity: number;
  lineTotalCents: number;
}

export interface CartDto {
  items: CartLineDto[];
  totalCents: number;
  /** Units across all lines (the header's badge). */
  itemCount: number;
  /** A sign-in merged a guest cart into this one and lowered a line to 99 or to the stock. */
  mergeCapped: boolean;
}

/** The API's cart shape (the OpenAPI document's Cart): only these fields leave the server as JSON. */
export function cartJson(cart: CartDto): CartJson {
  return {
    items: cart.items.map(({ productId, slug, name, unitPriceCents, quantity, lineTotalCents }) => ({
      productId,
      slug,
      name,
      unitPriceCents,
      quantity,
      lineTotalCents,
    })),
    totalCents: cart.totalCents,
    ...(cart.mergeCapped ? { mergeCapped: true } : {}),
  };
}

/** The Cart rows a key may reach. */
function cartWhere(key: CartKey) {
  return 'userId' in key ? { userId: key.userId } : { id: key.cartId, userId: null };
}

export async function getCart(key: CartKey): Promise<CartDto> {
  const prisma = await db();
  const cart = await prisma.cart.findFirst({
    where: cartWhere(key),
    select: {
      mergeCapped: true,
      items: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          quantity: true,
          product: { select: { id: true, slug: true, name: true, imageUrl: true, stock: true, priceCents: true } },
        },
      },
    },
  });
  const items = (cart?.items ?? []).map(({ quantity, product }) => ({
    productId: product.id,
    slug: product.slug,
    name: product.name,
    imageUrl: product.imageUrl,
    stock: product.stock,
    unitPriceCents: product.priceCents,
    quantity,
    lineTotalCents: product.priceCents * quantity,
  }));
  return {
    items,
    totalCents: items.reduce((sum, line) => sum + line.lineTotalCents, 0),
    itemCount: items.reduce((sum, line) => sum + line.quantity, 0),
    mergeCapped: cart?.mergeCapped ?? false,
  };
}

/**
 * The header's badge on every page: the units in the cart. Raw SQL because it runs on every page
 * view: one statement, about a third of what Prisma's aggregate over the relation costs per call.
 */
export async function getCartCount(key: CartKey): Promise<number> {
  const owner = 'userId' in key ? sql`c."userId" = ${key.userId}` : sql`c."id" = ${key.cartId} AND c."userId" IS NULL`;
  // SUM of an integer column: a number on SQLite, a bigint on Postgres.
  const rows = await queryRows<{ units: number | bigint }>(await db(), sql`
    SELECT COALESCE(SUM(i."quantity"), 0) AS "units" FROM "CartItem" i JOIN "Cart" c ON c."id" = i."cartId" WHERE ${owner}`);
  return Number(rows[0]?.units ?? 0);
}

/** A new, empty guest cart; its id goes into the guest's cookie. */
export async function createGuestCart(): Promise<string> {
  const id = newGuestCartId();
  await writeTransaction((tx) => tx.cart.create({ data: { id }, select: { id: true } }));
  return id;
}

/** Whether the cookie's id still names a guest cart (it may have been purged or merged). */
export async function guestCartExists(cartId: string): Promise<boolean> {
  const prisma = await db();
  return (await prisma.cart.count({ where: { id: cartId, userId: null } })) === 1;
}

const cartGone = () =>
  new AppError(409, 'cart_expired', 'This cart is no longer available (it was merged at sign-in or expired). Reload the page and try again.');

/**
 * The cart a write goes to, touched (updatedAt; a change also retires the merge notice) and so
 * locked for this transaction. A user's cart is created on their first write; a guest's must
 * exist (createGuestCart, called when the cookie is set).
 */
async function touchCartForWrite(tx: Tx, key: CartKey): Promise<string> {
  const data = { updatedAt: new Date(), mergeCapped: false };
  if ('userId' in key) {
    const cart = await tx.cart.upsert({ where: { userId: key.userId }, create: { userId: key.userId }, update: data, select: { id: true } });
    return cart.id;
  }
  const { count } = await tx.cart.updateMany({ where: cartWhere(key), data });
  if (count !== 1) throw cartGone();
  return key.cartId;
}

/**
 * Whether `quantity` of the product could go into an empty cart: checked before a guest's first
 * add starts their cart, so that a refused add (no such product, sold out, too many) leaves no
 * cart row behind, spends no slot of the guest-cart limit and sets no cookie. addToCart checks
 * again in its transaction (the stock may change in between).
 */
export async function assertAddable({ productId, quantity }: { productId: string; quantity: number }): Promise<void> {
  if (!isPlainId(productId, 64)) throw productNotFound();
  const product = await (await db()).product.findUnique({ where: { id: productId }, select: { id: true, name: true, stock: true } });
  if (!product) throw productNotFound();
  if (quantity > MAX_LINE_QUANTITY) throw quantityTooLarge(0);
  if (quantity > product.stock) throw outOfStock(product, product.stock);
}

/** Adds `quantity` of a product (a new line, or more on the existing one). */
export async function addToCart(input: CartKey & { productId: string; quantity: number }): Promise<CartDto> {
  const { productId, quantity } = input;
  // The schemas refuse such an id; no product has one, and Postgres refuses a NUL outright.
  if (!isPlainId(productId, 64)) throw productNotFound();
  await writeTransaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { id: productId }, select: { id: true, name: true, stock: true } });
    if (!product) throw productNotFound();
    const cartId = await touchCartForWrite(tx, input);
    const line = await tx.cartItem.upsert({
      where: { cartId_productId: { cartId, productId } },
      create: { cartId, productId, quantity },
      update: { quantity: { increment: quantity } },
      select: { quantity: true },
    });
    // Thrown errors roll the increment back.
    if (line.quantity > MAX_LINE_QUANTITY) throw quantityTooLarge(line.quantity - quantity);
    if (line.quantity > product.stock) throw outOfStock(product, product.stock);
  });
  return getCart(keyOf(input));
}

/** Sets a line's quantity; 0 removes the line. A product not in the cart is 404. */
export async function setCartItemQuantity(input: CartKey & { productId: string; quantity: number }): Promise<CartDto> {
  const { productId, quantity } = input;
  if (quantity === 0) return removeFromCart(input);
  if (!isPlainId(productId, 64)) throw productNotFound();
  await writeTransaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { id: productId }, select: { id: true, name: true, stock: true } });
    if (!product) throw productNotFound();
    if (quantity > MAX_LINE_QUANTITY) throw quantityTooLarge(0);
    if (quantity > product.stock) throw outOfStock(product, product.stock);
    const cartId = await touchCartForWrite(tx, input);
    const { count } = await tx.cartItem.updateMany({ where: { cartId, productId }, data: { quantity } });
    if (count === 0) throw productNotInCart();
  });
  return getCart(keyOf(input));
}

/** Removes a line. Removing a line that is not there is not an error (DELETE is idempotent). */
export async function removeFromCart(input: CartKey & { productId: string }): Promise<CartDto> {
  // No line holds a product with such an id: nothing to remove (the cart is not even touched).
  if (!isPlainId(input.productId, 64)) return getCart(keyOf(input));
  await writeTransaction(async (tx) => {
    const data = { updatedAt: new Date(), mergeCapped: false };
    const cart = await tx.cart.findFirst({ where: cartWhere(input), select: { id: true } });
    if (!cart) return;
    // Conditional: a sign-in in another tab may have merged (deleted) this guest cart meanwhile.
    const { count } = await tx.cart.updateMany({ where: { id: cart.id }, data });
    if (count === 0) return;
    await tx.cartItem.deleteMany({ where: { cartId: cart.id, productId: input.productId } });
  });
  return getCart(keyOf(input));
}

/**
 * Moves a guest cart into a user's cart, at sign-in or sign-up. One transaction: quantities are
 * summed and capped at 99 per line and at the stock (a line the user already had is never
 * lowered), the guest cart is deleted, and `capped` says whether a cap applied (the cart page
 * says so until the next change). Idempotent: the guest cart is claimed first with a conditional
 * update, so of two sign-ins merging it at once, the second finds it gone and does nothing.
 */
export async function mergeGuestCart({ userId, cartId }: { userId: string; cartId: string }): Promise<{ capped: boolean }> {
  return writeTransaction(async (tx) => {
    const { count } = await tx.cart.updateMany({ where: { id: cartId, userId: null }, data: { updatedAt: new Date() } });
    if (count !== 1) return { capped: false };
    const guestLines = await tx.cartItem.findMany({
      where: { cartId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { productId: true, quantity: true, product: { select: { stock: true } } },
    });
    let capped = false;
    if (guestLines.length > 0) {
      // Locks the user's cart row: a checkout of it waits for the merge (or the merge for it).
      const userCartId = await touchCartForWrite(tx, { userId });
      const owned = await tx.cartItem.findMany({
        where: { cartId: userCartId, productId: { in: guestLines.map((line) => line.productId) } },
        select: { productId: true, quantity: true },
      });
      const had = new Map(owned.map((line) => [line.productId, line.quantity]));
      for (const { productId, quantity, product } of guestLines) {
        const before = had.get(productId) ?? 0;
        const merged = Math.max(before, Math.min(before + quantity, MAX_LINE_QUANTITY, product.stock));
        if (merged < before + quantity) capped = true;
        if (merged === before) continue;
        await tx.cartItem.upsert({
          where: { cartId_productId: { cartId: userCartId, productId } },
          create: { cartId: userCartId, productId, quantity: merged },
          update: { quantity: merged },
        });
      }
      if (capped) await tx.cart.update({ where: { id: userCartId }, data: { mergeCapped: true } });
    }
    // Lines first: the delete does not rely on the database cascading it.
    await tx.cartItem.deleteMany({ where: { cartId } });
    await tx.cart.delete({ where: { id: cartId } });
    return { capped };
  });
}

/** Guest carts nobody has touched for `idleDays`: deleted with their lines. */
export async function purgeIdleGuestCarts({ idleDays = 30, now = new Date() }: { idleDays?: number; now?: Date } = {}): Promise<number> {
  const before = new Date(now.getTime() - idleDays * 24 * 60 * 60 * 1000);
  const idle = { userId: null, updatedAt: { lt: before } };
  const { count } = await writeTransaction(async (tx) => {
    await tx.cartItem.deleteMany({ where: { cart: idle } });
    return tx.cart.deleteMany({ where: idle });
  });
  return count;
}

function keyOf(key: CartKey): CartKey {
  return 'userId' in key ? { userId: key.userId } : { cartId: key.cartId };
}

const productNotInCart = () =>
  new AppError(404, 'not_found', 'That product is not in your cart.', { productId: ['Not in your cart.'] });
