// The shop's refusals, as AppErrors (so route handlers and actions answer them the same way).
import { AppError } from '@/lib/errors';
import { MAX_LINE_QUANTITY } from '@/lib/validation/cart';

export const productNotFound = () => new AppError(404, 'not_found', 'That product does not exist.', { productId: ['Unknown product.'] });

export const emptyCart = () => new AppError(409, 'empty_cart', 'Your cart is empty, so there is nothing to check out.');

export function outOfStock(product: { id: string; name: string }, available: number): AppError {
  const message =
    available <= 0
      ? `Sorry, “${product.name}” is sold out. Remove it from your cart to check out.`
      : `Sorry, only ${available} of “${product.name}” left. Lower the quantity to ${available} or fewer and try again.`;
  return new AppError(409, 'out_of_stock', message, {
    [product.id]: [available <= 0 ? 'Sold out.' : `Only ${available} left.`],
  });
}

export const quantityTooLarge = (inCart: number) =>
  new AppError(400, 'quantity_too_large', `A cart line can hold at most ${MAX_LINE_QUANTITY} of a product.`, {
    quantity: [
      inCart > 0
        ? `You already have ${inCart} in your cart; the most you can have is ${MAX_LINE_QUANTITY}.`
        : `The quantity can be at most ${MAX_LINE_QUANTITY}.`,
    ],
  });
