// Schemas shared by the cart's forms (server actions) and its JSON route handlers.
import { MAX_LINE_QUANTITY } from '@/lib/validation/limits';
import { idText } from '@/lib/validation/text';
import { z } from '@/lib/validation/zod';

export { MAX_LINE_QUANTITY };

const productIdSchema = idText({ required: 'Choose a product.', unknown: 'Unknown product.', max: 64 });

const quantity = (min: number) =>
  z
    .number({ error: 'Enter a quantity as a whole number.' })
    .int('Enter a quantity as a whole number.')
    .min(min, min === 0 ? 'The quantity cannot be negative.' : `The quantity must be at least ${min}.`)
    .max(MAX_LINE_QUANTITY, `The quantity can be at most ${MAX_LINE_QUANTITY}.`);

/** POST /api/cart/items: add `quantity` (default 1) of a product, or increment its line. */
export const addCartItemSchema = z
  .object({ productId: productIdSchema, quantity: quantity(1).default(1) })
  .strict();
export type AddCartItemInput = z.infer<typeof addCartItemSchema>;

/** PATCH /api/cart/items/:productId: set the line's quantity; 0 removes it. */
export const setCartItemSchema = z.object({ quantity: quantity(0) }).strict();
export type SetCartItemInput = z.infer<typeof setCartItemSchema>;

export const productIdParamSchema = productIdSchema;

/** Forms send text: "3" → 3, "" → undefined (so the default or the "required" message applies). */
export function quantityFromForm(value: FormDataEntryValue | null): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : Number.NaN;
}

/**
 * POST /api/checkout (optional body) and the checkout form's hidden field: the fingerprint of the
 * cart as reviewed (lib/shop/cart-fingerprint.ts). Without it, the order is what the cart holds.
 */
export const checkoutSchema = z
  .object({
    cartFingerprint: z
      .string({ error: 'Send the cart fingerprint as a string.' })
      .regex(/^[0-9a-f]{32}$/, 'The cart fingerprint is 32 lowercase hex digits.')
      .optional()
      .describe(
        'The fingerprint of the cart you reviewed: the first 32 hex digits of the SHA-256 of its lines, each written `productId:quantity:unitPriceCents` (from GET /api/cart), sorted by code unit and joined by "\\n". If the cart no longer matches it, the order is refused with 409 cart_changed and nothing changes. Leave it out to order whatever the cart holds.',
      ),
  })
  .strict();
export type CheckoutInput = z.infer<typeof checkoutSchema>;
