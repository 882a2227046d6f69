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
