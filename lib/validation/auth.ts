// Schemas shared by the sign-in/sign-up forms (server actions) and the JSON route handlers.
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH, passwordHint } from '@/lib/validation/limits';
import { lineOfText } from '@/lib/validation/text';
import { z } from '@/lib/validation/zod';

export { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH, passwordHint };

/** Said in characters, as people count them; the byte limit only bites with accents or emoji. */
const TOO_LONG = `Use a shorter password: at most ${PASSWORD_MAX_BYTES} characters, fewer with accents or emoji.`;

export function utf8Length(value: string): number {
  return new TextEncoder().encode(value).byteLength;
}

/** Trim, NFKC (full-width letters become ASCII), lower-case: one spelling per mailbox. */
export function normaliseEmail(value: string): string {
  return value.trim().normalize('NFKC').toLowerCase();
}

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .max(320, 'Email addresses are at most 320 characters.')
  .transform(normaliseEmail)
  .pipe(z.email({ error: 'Enter a valid email address.' }).max(254, 'Email addresses are at most 254 characters.'));

export const passwordSchema = z
  .string({ error: 'Enter a password.' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .refine((p) => utf8Length(p) <= PASSWORD_MAX_BYTES, { message: TOO_LONG });

export const nameSchema = lineOfText({ required: 'Enter your name.', max: 100, tooLong: 'Names are at most 100 characters.' });

export const signupSchema = z.object({ email: emailSchema, password: passwordSchema, name: nameSchema }).strict();
export type SignupInput = z.infer<typeof signupSchema>;

/** Sign-in checks only shape: a wrong password must fail exactly like an unknown email. */
export const loginSchema = z
  .object({
    email: emailSchema,
    password: z
      .string({ error: 'Enter your password.' })
      .min(1, 'Enter your password.')
      .refine((p) => utf8Length(p) <= PASSWORD_MAX_BYTES, { message: TOO_LONG }),
  })
  .strict();
export type LoginInput = z.infer<typeof loginSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'Enter your current password.' })
      .min(1, 'Enter your current password.')
      .refine((p) => utf8Length(p) <= PASSWORD_MAX_BYTES, { message: TOO_LONG }),
    newPassword: passwordSchema,
    signOutOthers: z.boolean(),
    /** End the account's personal API tokens too (default): one may have been minted by a thief. */
    revokeApiTokens: z.boolean().default(true),
  })
  .strict()
  .refine((v) => v.currentPassword !== v.newPassword, { path: ['newPassword'], message: 'Choose a password different from the current one.' });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** "Set a password": the change-password form of an account that has none (no current password). */
export const setPasswordSchema = z.object({ newPassword: passwordSchema, signOutOthers: z.boolean() }).strict();
export type SetPasswordInput = z.infer<typeof setPasswordSchema>;
