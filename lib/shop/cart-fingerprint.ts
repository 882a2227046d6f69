// The fingerprint of a cart as the customer reviewed it. The checkout page puts it in its form,
// and checkout() compares it with the cart it has locked: a cart changed since the review (a
// quantity, a line added or removed in another tab or by an API token, a price) is refused with
// 409 cart_changed instead of being ordered unseen. One function computes it for both sides.
//
// The fingerprint is the first 32 hex digits of the SHA-256 of the lines, each written
// `productId:quantity:unitPriceCents`, sorted (by code unit) and joined by "\n" (documented in
// the OpenAPI entry of POST /api/checkout, so a program can compute it from GET /api/cart).
import { createHash } from 'node:crypto';
import { AppError } from '@/lib/errors';

export interface FingerprintLine {
  productId: string;
  quantity: number;
  unitPriceCents: number;
}

export const CART_FINGERPRINT_LENGTH = 32;

export function cartFingerprint(lines: readonly FingerprintLine[]): string {
  const canonical = lines
    .map(({ productId, quantity, unitPriceCents }) => `${productId}:${quantity}:${unitPriceCents}`)
    // Code-unit order (not the locale's), the same in every language a client may compute it in.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join('\n');
  return createHash('sha256').update(canonical, 'utf8').digest('hex').slice(0, CART_FINGERPRINT_LENGTH);
}

export const cartChangedSinceReview = () =>
  new AppError(409, 'cart_changed', 'Your cart changed since you reviewed it: check it and place the order again.');
