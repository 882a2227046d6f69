// The cart data layer. Callers have checked the session; every function is scoped by `userId`,
// so one user can never read or change another's cart.
//
// Writes are atomic: an add is one upsert with `quantity: { increment }` inside a short
// transaction that also checks the result (over the line maximum or the stock → thrown, so the
// transaction rolls back and nothing changes). Two first adds of the same product race on the
// unique (userId, productId) index; the loser's P2002 re-runs the transaction, which then
// increments the winner's line. So concurrent adds sum up on one line, never a lost update.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { MAX_LINE_QUANTITY } from '@/lib/validation/cart';
import { outOfStock, productNotFound, quantityTooLarge } from './errors';
import { writeTransaction } from './transaction';

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
}

/** The API's cart shape (DESIGN.md): only these fields leave the server as JSON. */
export function cartJson(cart: CartDto) {
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
  };
}

export async function getCart({ userId }: { userId: string }): Promise<CartDto> {
  const prisma = await db();
  const rows = await prisma.cartItem.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      quantity: true,
      product: { select: { id: true, slug: true, name: true, imageUrl: true, stock: true, priceCents: true } },
    },
  });
  const items = rows.map(({ quantity, product }) => ({
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
  };
}

/** Units in the cart, for the header. */
export async function getCartCount({ userId }: { userId: string }): Promise<number> {
  const prisma = await db();
  const { _sum } = await prisma.cartItem.aggregate({ where: { userId }, _sum: { quantity: true } });
  return _sum.quantity ?? 0;
}

/** Adds `quantity` of a product (a new line, or more on the existing one). */
export async function addToCart({ userId, productId, quantity }: { userId: string; productId: string; quantity: number }): Promise<CartDto> {
  await writeTransaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { id: productId }, select: { id: true, name: true, stock: true } });
    if (!product) throw productNotFound();
    const line = await tx.cartItem.upsert({
      where: { userId_productId: { userId, productId } },
      create: { userId, productId, quantity },
      update: { quantity: { increment: quantity } },
      select: { quantity: true },
    });
    // Thrown errors roll the increment back.
    if (line.quantity > MAX_LINE_QUANTITY) throw quantityTooLarge(line.quantity - quantity);
    if (line.quantity > product.stock) throw outOfStock(product, product.stock);
  });
  return getCart({ userId });
}

/** Sets a line's quantity; 0 removes the line. A product not in the cart is 404. */
export async function setCartItemQuantity({
  userId,
  productId,
  quantity,
}: {
  userId: string;
  productId: string;
  quantity: number;
}): Promise<CartDto> {
  if (quantity === 0) return removeFromCart({ userId, productId });
  await writeTransaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { id: productId }, select: { id: true, name: true, stock: true } });
    if (!product) throw productNotFound();
    if (quantity > MAX_LINE_QUANTITY) throw quantityTooLarge(0);
    if (quantity > product.stock) throw outOfStock(product, product.stock);
    const { count } = await tx.cartItem.updateMany({ where: { userId, productId }, data: { quantity } });
    if (count === 0) throw productNotInCart();
  });
  return getCart({ userId });
}

/** Removes a line. Removing a line that is not there is not an error (DELETE is idempotent). */
export async function removeFromCart({ userId, productId }: { userId: string; productId: string }): Promise<CartDto> {
  await writeTransaction((tx) => tx.cartItem.deleteMany({ where: { userId, productId } }));
  return getCart({ userId });
}

const productNotInCart = () =>
  new AppError(404, 'not_found', 'That product is not in your cart.', { productId: ['Not in your cart.'] });
