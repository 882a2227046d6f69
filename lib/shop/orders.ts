// Checkout and order history. Every function is scoped by `userId`: another user's order is
// simply not found.
//
// Checkout is one interactive transaction: it locks the user's Cart row (so a guest cart merging
// into it at sign-in waits, or is waited for), re-reads the cart with current prices, takes the
// lines out of the cart (a concurrent checkout of the same cart finds them gone), decrements
// each product's stock with a conditional update (`stock >= quantity`, checked by row count, so
// stock never goes below zero however many checkouts race), and writes the order with price
// snapshots. Any shortfall throws, which rolls everything back: the cart and stock are unchanged.
// With `expected` (the fingerprint of the cart the customer reviewed, lib/shop/cart-fingerprint.ts),
// a cart that no longer matches it is refused (409 cart_changed) before anything is taken: the
// order is only ever what was shown. Without it (a program's POST /api/checkout with no body),
// the order is what the cart holds.
import 'server-only';
import { assertVerifiedIfRequired } from '@/lib/auth/email-flows';
import { sqltag as sql } from '@prisma/client/runtime/client';
import { db } from '@/lib/db';
import { queryRows } from '@/lib/db/client';
import { enqueueOrderConfirmation } from '@/lib/mail/notices';
import { deliverSoon } from '@/lib/mail/outbox';
import { cartChangedSinceReview, cartFingerprint } from './cart-fingerprint';
import { emptyCart, outOfStock } from './errors';
import type { OrderItemJson, OrderJson } from '@/lib/validation/responses';
import { isPlainId } from '@/lib/validation/text';
import { writeTransaction } from './transaction';

/** An order as the API answers it (its schema is the OpenAPI document's Order). */
export type OrderDto = OrderJson;
export type OrderItemDto = OrderItemJson;

const ORDER_SELECT = {
  id: true,
  createdAt: true,
  totalCents: true,
  items: { select: { productId: true, name: true, unitPriceCents: true, quantity: true }, orderBy: { id: 'asc' } },
} as const;

function toOrderDto(order: { id: string; createdAt: Date; totalCents: number; items: OrderItemDto[] }): OrderDto {
  return { id: order.id, createdAt: order.createdAt.toISOString(), totalCents: order.totalCents, items: order.items };
}

/**
 * Places the order. `expected`: the fingerprint of the cart as reviewed (cartFingerprint); when
 * given, a cart that differs from it now is refused with 409 cart_changed and nothing is written.
 */
export async function checkout({ userId, expected }: { userId: string; expected?: string }): Promise<OrderDto> {
  const order = await writeTransaction(async (tx) => {
    await assertVerifiedIfRequired(tx, userId);
    const cart = await tx.cart.findUnique({ where: { userId }, select: { id: true } });
    if (!cart) throw emptyCart();
    await tx.cart.update({ where: { id: cart.id }, data: { updatedAt: new Date(), mergeCapped: false } });
    const lines = await tx.cartItem.findMany({
      where: { cartId: cart.id },
      // One lock order for every checkout (by product), so two of them cannot deadlock.
      orderBy: { productId: 'asc' },
      select: { id: true, quantity: true, createdAt: true, product: { select: { id: true, name: true, priceCents: true } } },
    });
    if (lines.length === 0) throw emptyCart();
    // The cart is locked: what is compared here is what would be ordered.
    if (expected !== undefined) {
      const now = cartFingerprint(lines.map(({ quantity, product }) => ({ productId: product.id, quantity, unitPriceCents: product.priceCents })));
      if (now !== expected) throw cartChangedSinceReview();
    }

    const { count: taken } = await tx.cartItem.deleteMany({ where: { cartId: cart.id, id: { in: lines.map((line) => line.id) } } });
    // Another checkout of this same cart got there first.
    if (taken !== lines.length) throw emptyCart();

    for (const { quantity, product } of lines) {
      const { count } = await tx.product.updateMany({
        where: { id: product.id, stock: { gte: quantity } },
        data: { stock: { decrement: quantity } },
      });
      if (count !== 1) {
        const current = await tx.product.findUnique({ where: { id: product.id }, select: { stock: true } });
        throw outOfStock(product, current?.stock ?? 0);
      }
    }

    // Order lines keep the order the customer added them in.
    const items = [...lines]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map(({ quantity, product }) => ({ productId: product.id, name: product.name, unitPriceCents: product.priceCents, quantity }));
    // The buyer's address and name: the order keeps the address at the time of the order, for
    // accounting (cleared if the account is deleted); the confirmation mail goes to it.
    const buyer = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
    const created = await tx.order.create({
      data: {
        userId,
        email: buyer.email,
        totalCents: items.reduce((sum, item) => sum + item.unitPriceCents * item.quantity, 0),
        items: { create: items },
      },
      select: ORDER_SELECT,
    });
    // The confirmation mail commits (or rolls back) with the order.
    await enqueueOrderConfirmation(tx, { to: buyer.email, name: buyer.name, orderId: created.id, items: created.items, totalCents: created.totalCents });
    return created;
  });
  deliverSoon();
  return toOrderDto(order);
}

interface OrderLineRow {
  id: string;
  createdAt: Date | string;
  totalCents: number | bigint;
  productId: string | null;
  name: string | null;
  unitPriceCents: number | bigint | null;
  quantity: number | bigint | null;
}

/**
 * The user's orders, newest first, each with its lines. One statement (the orders joined to their
 * lines) where Prisma's relation read sends two: /orders renders on every visit, and this is about
 * a third of the relation read's cost per call.
 */
export async function listOrders({ userId }: { userId: string }): Promise<OrderDto[]> {
  const rows = await queryRows<OrderLineRow>(await db(), sql`
    SELECT o."id", o."createdAt", o."totalCents", i."productId", i."name", i."unitPriceCents", i."quantity"
    FROM "Order" o LEFT JOIN "OrderItem" i ON i."orderId" = o."id"
    WHERE o."userId" = ${userId}
    ORDER BY o."createdAt" DESC, o."id" DESC, i."id" ASC`);
  const orders = new Map<string, OrderDto>();
  for (const row of rows) {
    let order = orders.get(row.id);
    if (!order) {
      order = { id: row.id, createdAt: new Date(row.createdAt).toISOString(), totalCents: Number(row.totalCents), items: [] };
      orders.set(row.id, order);
    }
    if (row.productId !== null) {
      order.items.push({ productId: row.productId, name: row.name!, unitPriceCents: Number(row.unitPriceCents), quantity: Number(row.quantity) });
    }
  }
  return [...orders.values()];
}

/** The user's own order, or null (another user's order is indistinguishable from none). */
export async function getOrder({ userId, orderId }: { userId: string; orderId: string }): Promise<OrderDto | null> {
  // An id no order can have (too long, a control character, which Postgres refuses) is no order.
  if (!isPlainId(orderId, 64)) return null;
  const prisma = await db();
  const order = await prisma.order.findFirst({ where: { id: orderId, userId }, select: ORDER_SELECT });
  return order ? toOrderDto(order) : null;
}
