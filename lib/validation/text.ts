// Text that may reach the database: never a C0 control character (U+0000–U+001F) or DEL. Postgres
// refuses a NUL in any text value (SQLSTATE 22021), and no id, slug, category, name or label of
// this app holds a tab, a line break or an escape, so such text is refused at the input with a
// clear message (or, where it is only searched for, dropped) and never becomes a database error.
// A value that slips past anyway is a 400, not a 500: lib/db/errors.ts isInvalidValue.
import { z } from '@/lib/validation/zod';

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

export const CONTROL_CHARACTER_MESSAGE = 'Remove the control characters (such as tabs or line breaks).';

export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

/** Each control character becomes a space (for text that is only searched for, never stored). */
export function withoutControlCharacters(value: string): string {
  return value.replace(CONTROL_CHARACTERS, ' ');
}

/** An id or slug as a URL or a body carries it: 1 to `max` characters, no control characters. */
export function isPlainId(value: string, max: number): boolean {
  return value.length > 0 && value.length <= max && !hasControlCharacter(value);
}

/**
 * An id or slug from a body or a path: trimmed, 1 to `max` characters, no control characters. One
 * message for every refusal (`unknown`, such as "Unknown product."), as any unknown id gets.
 */
export function idText({ required, unknown, max = 64 }: { required: string; unknown: string; max?: number }) {
  return z
    .string({ error: required })
    .trim()
    .min(1, required)
    .max(max, unknown)
    .refine((value) => !hasControlCharacter(value), unknown);
}

/**
 * A line a person types and the app stores and shows (their name, a token's label): NFKC, trimmed,
 * 1 to `max` characters, no control characters.
 */
export function lineOfText({ required, max, tooLong }: { required: string; max: number; tooLong: string }) {
  return z
    .string({ error: required })
    .transform((value) => value.normalize('NFKC').trim())
    .pipe(z.string().min(1, required).max(max, tooLong).refine((value) => !hasControlCharacter(value), CONTROL_CHARACTER_MESSAGE));
}
