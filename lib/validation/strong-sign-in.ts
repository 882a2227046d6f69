// Schemas for passkeys, two-step sign-in, re-authentication and account deletion, shared by the
// JSON routes, the server actions and the OpenAPI document.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from '@/lib/validation/zod';
import { lineOfText } from '@/lib/validation/text';
import { PASSWORD_MAX_BYTES, utf8Length } from './auth';

/** Recovery codes of the second step come ten at a time. */
export const RECOVERY_CODE_COUNT = 10;

const b64url = z.string().max(8192).regex(/^[A-Za-z0-9_-]*={0,2}$/, 'must be base64url');

/** A WebAuthn credential as @simplewebauthn/browser serialises it; the library checks the rest. */
const credentialBase = {
  id: b64url.min(1),
  rawId: b64url.min(1),
  type: z.literal('public-key'),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
};

export const authenticationResponseSchema = z
  .object({
    ...credentialBase,
    response: z.looseObject({ clientDataJSON: b64url, authenticatorData: b64url, signature: b64url, userHandle: b64url.optional() }),
  })
  .transform((v) => v as unknown as AuthenticationResponseJSON);

export const registrationResponseSchema = z
  .object({
    ...credentialBase,
    response: z.looseObject({ clientDataJSON: b64url, attestationObject: b64url, transports: z.array(z.string().max(32)).max(10).optional() }),
  })
  .transform((v) => v as unknown as RegistrationResponseJSON);

export const passkeyNameSchema = lineOfText({ required: 'Name the passkey.', max: 60, tooLong: 'Passkey names are at most 60 characters.' });

export const passkeyVerifySchema = z.object({ response: authenticationResponseSchema }).strict();
export const registerPasskeySchema = z.object({ response: registrationResponseSchema, name: passkeyNameSchema }).strict();
export const renamePasskeySchema = z.object({ name: passkeyNameSchema }).strict();

export const totpCodeSchema = z
  .string({ error: 'Enter the 6-digit code from your app.' })
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your app.'));

export const recoveryCodeSchema = z
  .string({ error: 'Enter a recovery code.' })
  .trim()
  .min(1, 'Enter a recovery code.')
  .max(64, 'Recovery codes are short: check what you typed.');

export const secondStepSchema = z.union([
  z.object({ code: totpCodeSchema }).strict(),
  z.object({ recoveryCode: recoveryCodeSchema }).strict(),
]);
export type SecondStepInput = z.infer<typeof secondStepSchema>;

export const confirmTotpSchema = z.object({ code: totpCodeSchema }).strict();

const reauthPassword = z
  .string({ error: 'Enter your password.' })
  .min(1, 'Enter your password.')
  .refine((p) => utf8Length(p) <= PASSWORD_MAX_BYTES, { message: `Passwords are at most ${PASSWORD_MAX_BYTES} bytes.` });

export const reauthSchema = z.union([
  z.object({ password: reauthPassword }).strict(),
  z.object({ response: authenticationResponseSchema }).strict(),
]);

export const deleteAccountSchema = z
  .object({ email: z.string({ error: 'Type your email address to confirm.' }).min(1, 'Type your email address to confirm.').max(320) })
  .strict();
