// What the strong sign-in routes answer (passkeys, two-step sign-in, step-up), as zod schemas. The
// OpenAPI document's response bodies are generated from them; the data layer's views are their
// types (or the handler checks its answer with `satisfies`).
import { z } from '@/lib/validation/zod';
import { RECOVERY_CODE_COUNT } from './strong-sign-in';

export const passkeySchema = z.object({
  id: z.string().meta({ description: 'credential id (base64url)' }),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export const passkeysSchema = z.object({ passkeys: z.array(passkeySchema) });
export const passkeyAnswerSchema = z.object({ passkey: passkeySchema });

/** WebAuthn options as @simplewebauthn/server builds them; the browser passes them on as they are. */
export const webauthnOptionsSchema = z.object({
  options: z.looseObject({ challenge: z.string() }).meta({ description: 'PublicKeyCredentialRequestOptionsJSON or PublicKeyCredentialCreationOptionsJSON' }),
});

/** POST /api/auth/reauth: Bearer callers get the renewed pair in the body, cookie callers in cookies. */
export const reauthAnswerSchema = z.object({
  authTime: z.int().meta({ description: 'the new auth_time (seconds since the epoch)' }),
  access_token: z.string().optional(),
  refresh_token: z.string().optional(),
  token_type: z.literal('Bearer').optional(),
});

export const totpSecretSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
export const totpOffSchema = z.object({ otherSessionsEnded: z.int() });

const codes = z.array(z.string()).length(RECOVERY_CODE_COUNT).meta({ description: 'shown this once' });
export const recoveryCodesSchema = z.object({ recoveryCodes: codes });
/** POST /api/account/totp/confirm: two-step sign-in is on; the other sign-ins ended. */
export const totpOnSchema = z.object({ recoveryCodes: codes, otherSessionsEnded: z.int() });

export type PasskeyJson = z.output<typeof passkeySchema>;
/** The options' named fields only: the library's option types are interfaces, without an index signature. */
export type WebauthnOptionsJson = { options: Pick<z.output<typeof webauthnOptionsSchema>['options'], 'challenge'> };
