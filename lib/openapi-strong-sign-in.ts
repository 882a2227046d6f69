// The OpenAPI paths of strong sign-in: passkeys, the second step, step-up and account deletion.
// Spread into lib/openapi.ts; lib/openapi.test.ts checks them against the route handlers. Request
// bodies are the zod schemas the handlers parse with, response bodies those of
// lib/validation/strong-sign-in-responses.ts; security comes from the protection table.
import {
  confirmTotpSchema,
  deleteAccountSchema,
  passkeyVerifySchema,
  reauthSchema,
  registerPasskeySchema,
  renamePasskeySchema,
  secondStepSchema,
} from '@/lib/validation/strong-sign-in';
import { signedInSchema } from '@/lib/validation/responses';
import {
  passkeyAnswerSchema,
  passkeysSchema,
  reauthAnswerSchema,
  recoveryCodesSchema,
  totpOffSchema,
  totpOnSchema,
  totpSecretSchema,
  webauthnOptionsSchema,
} from '@/lib/validation/strong-sign-in-responses';
import { answer, answerOf, bodyOf } from './openapi-body';

const error = (description: string) => answerOf(description, 'Error');

const unauthorized = { '401': error('No valid credential') };
const badInput = { '400': error('Invalid input; `fields` names each problem'), '415': error('Not JSON'), '413': error('Body too large') };
const stepUp = { '403': error('reauth_required: the sign-in is older than AUTH_STEP_UP_MAX_AGE (POST /api/auth/reauth first); insufficient_scope for API tokens; forbidden_origin') };

/** A passkey's credential id (base64url), as GET /api/account/passkeys lists it. */
const passkeyIdParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];

export const strongSignInPaths = {
  '/api/auth/login/mfa': {
    post: {
      summary: 'The second step of sign-in: a TOTP code or a recovery code, with the `mfa` cookie from POST /api/auth/login',
      requestBody: bodyOf(secondStepSchema),
      responses: {
        '200': answer('Signed in (sets cookies)', signedInSchema),
        '401': error('invalid_code; mfa_challenge_ended (expired, used, or 5 wrong codes: sign in again)'),
        '429': error('Too many wrong codes for this account'),
        ...badInput,
      },
    },
  },
  '/api/auth/passkey/options': {
    post: {
      summary: 'Options for signing in with a passkey (sets the short `webauthn` cookie binding the attempt)',
      responses: { '200': answer('PublicKeyCredentialRequestOptionsJSON', webauthnOptionsSchema), '429': error('Too many requests') },
    },
  },
  '/api/auth/passkey/verify': {
    post: {
      summary: 'Sign in with a passkey (complete on its own; never creates an account)',
      requestBody: bodyOf(passkeyVerifySchema),
      responses: { '200': answer('Signed in (sets cookies)', signedInSchema), '401': error('passkey_refused'), ...badInput },
    },
  },
  '/api/auth/reauth': {
    post: {
      summary: 'Step-up: confirm with the password or a passkey; a fresh auth_time in the same sign-in',
      requestBody: bodyOf(reauthSchema),
      responses: {
        '200': answer('Renewed (new cookies; Bearer callers get the pair in the body)', reauthAnswerSchema),
        '401': error('invalid_credentials or passkey_refused'),
        '403': error('API tokens can never step up'),
        '429': error('Too many wrong passwords'),
        ...badInput,
      },
    },
  },
  '/api/auth/reauth/options': {
    post: { summary: 'Options for confirming with one of your passkeys', responses: { '200': answer('Options', webauthnOptionsSchema), '409': error('no_passkeys'), ...unauthorized } },
  },
  '/api/account': {
    delete: {
      summary: 'Delete the account (step-up; type the address). Orders are kept without personal data',
      requestBody: bodyOf(deleteAccountSchema),
      responses: { '204': { description: 'Deleted; cookies cleared' }, ...unauthorized, ...stepUp, ...badInput },
    },
  },
  '/api/account/passkeys': {
    get: { summary: 'Your passkeys', responses: { '200': answer('Passkeys', passkeysSchema), ...unauthorized } },
    post: {
      summary: 'Register the passkey created from /api/account/passkeys/options (step-up)',
      requestBody: bodyOf(registerPasskeySchema),
      responses: { '201': answer('Added', passkeyAnswerSchema), '409': error('passkey_exists'), ...unauthorized, ...stepUp, ...badInput },
    },
  },
  '/api/account/passkeys/options': {
    post: { summary: 'Registration options for a new passkey (step-up)', responses: { '200': answer('Options', webauthnOptionsSchema), ...unauthorized, ...stepUp } },
  },
  '/api/account/passkeys/{id}': {
    patch: { summary: 'Rename a passkey', parameters: passkeyIdParam, requestBody: bodyOf(renamePasskeySchema), responses: { '200': answer('Renamed', passkeyAnswerSchema), '404': error('not_found'), ...unauthorized, ...badInput } },
    delete: {
      summary: 'Remove a passkey (step-up); refused when it is the last way to sign in',
      parameters: passkeyIdParam,
      responses: { '204': { description: 'Removed' }, '404': error('not_found'), '409': error('last_sign_in_method'), ...unauthorized, ...stepUp },
    },
  },
  '/api/account/totp': {
    post: {
      summary: 'Start turning two-step sign-in on: a new secret, active once confirmed (step-up)',
      responses: { '200': answer('Secret', totpSecretSchema), '409': error('totp_already_enabled'), ...unauthorized, ...stepUp },
    },
    delete: { summary: 'Turn two-step sign-in off; other sign-ins end (step-up)', responses: { '200': answer('Off', totpOffSchema), '409': error('totp_not_enabled'), ...unauthorized, ...stepUp } },
  },
  '/api/account/totp/confirm': {
    post: {
      summary: 'Confirm with a first code: two-step sign-in is on; 10 recovery codes, shown once (step-up)',
      requestBody: bodyOf(confirmTotpSchema),
      responses: { '200': answer('On', totpOnSchema), '401': error('invalid_code, or no valid credential'), ...stepUp, ...badInput },
    },
  },
  '/api/account/recovery-codes': {
    post: { summary: '10 new recovery codes; the old set dies (step-up)', responses: { '200': answer('Codes', recoveryCodesSchema), '409': error('totp_not_enabled'), ...unauthorized, ...stepUp } },
  },
} as const;
