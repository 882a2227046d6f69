// Schemas of the mail-driven flows (forgot/reset password, confirm an address, change it) and of
// the account JSON API, shared by the forms (server actions) and the route handlers.
import { z } from '@/lib/validation/zod';
import { createApiTokenSchema } from './api-token';
import { emailSchema, PASSWORD_MAX_BYTES, passwordSchema, utf8Length } from './auth';

/** A one-time token from a mail link: refused early when it is not even the right shape. */
export const oneTimeTokenSchema = z.string({ error: 'The link is incomplete.' }).trim().min(1, 'The link is incomplete.').max(200, 'The link is not valid.');

const currentPassword = z
  .string({ error: 'Enter your password.' })
  .min(1, 'Enter your password.')
  .refine((p) => utf8Length(p) <= PASSWORD_MAX_BYTES, { message: `Passwords are at most ${PASSWORD_MAX_BYTES} bytes.` });

export const forgotPasswordSchema = z.object({ email: emailSchema }).strict();
export const resetPasswordSchema = z.object({ token: oneTimeTokenSchema, password: passwordSchema }).strict();
export const confirmEmailSchema = z.object({ token: oneTimeTokenSchema }).strict();
export const changeEmailSchema = z.object({ email: emailSchema, password: currentPassword }).strict();

/** POST /api/account/password: both switches default to true. */
export const accountPasswordSchema = z
  .object({
    currentPassword: currentPassword.optional(),
    newPassword: passwordSchema,
    signOutOtherSessions: z.boolean().default(true),
    revokeApiTokens: z.boolean().default(true),
  })
  .strict()
  .refine((v) => v.currentPassword !== undefined, { path: ['currentPassword'], message: 'Enter your current password.' })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ['newPassword'], message: 'Choose a password different from the current one.' });

/** POST /api/account/tokens (the form's ttlDays is expiresInDays here). */
export const accountTokenSchema = z
  .object({
    name: createApiTokenSchema.shape.name,
    scopes: createApiTokenSchema.shape.scopes,
    expiresInDays: createApiTokenSchema.shape.ttlDays,
  })
  .strict();

/** GET /api/account/activity: the cursor is base64url as the previous page gave it (its content is checked where it is decoded). */
export const activityQuerySchema = z.object({
  cursor: z.string().max(100, 'The cursor is not valid.').regex(/^[A-Za-z0-9_-]*$/, 'The cursor is not valid.').optional(),
});
