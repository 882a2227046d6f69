// The OpenAPI paths of strong sign-in: passkeys, the second step, step-up and account deletion.
// Spread into lib/openapi.ts; lib/openapi.test.ts checks them against the route handlers. Request
// bodies are the zod schemas the handlers parse with; security comes from the protection table.
import {
  confirmTotpSchema,
  deleteAccountSchema,
  passkeyVerifySchema,
  reauthSchema,
  registerPasskeySchema,
  renamePasskeySchema,
  secondStepSchema,
} from '@/lib/validation/strong-sign-in';
import { bodyOf } from './openapi-body';
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (schema: object) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...jsonBody(ref('Error')) });
const ok = (description: string, schema: object) => ({ description, ...jsonBody(schema) });

const unauthorized = { '401': error('No valid credential') };
const badInput = { '400': error('Invalid input; `fields` names each problem'), '415': error('Not JSON'), '413': error('Body too large') };
const stepUp = { '403': error('reauth_required: the sign-in is older than AUTH_STEP_UP_MAX_AGE (POST /api/auth/reauth first); insufficient_scope for API tokens; forbidden_origin') };

const recoveryCodes = { type: 'object', required: ['recoveryCodes'], properties: { recoveryCodes: { type: 'array', items: { type: 'string' }, minItems: 10, maxItems: 10 } } };
const passkey = {
  type: 'object',
  required: ['id', 'name', 'createdAt', 'lastUsedAt'],
  properties: { id: { type: 'string', description: 'credential id (base64url)' }, name: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' }, lastUsedAt: { type: ['string', 'null'], format: 'date-time' } },
};

export const strongSignInPaths = {
  '/api/auth/login/mfa': {
    post: {
      summary: 'The second step of sign-in: a TOTP code or a recovery code, with the `mfa` cookie from POST /api/auth/login',
      requestBody: bodyOf(secondStepSchema),
      responses: {
        '200': ok('Signed in (sets cookies)', { type: 'object', properties: { user: ref('User') } }),
        '401': error('invalid_code; mfa_challenge_ended (expired, used, or 5 wrong codes: sign in again)'),
        '429': error('Too many wrong codes for this account'),
        ...badInput,
      },
    },
  },
  '/api/auth/passkey/options': {
    post: {
      summary: 'Options for signing in with a passkey (sets the short `webauthn` cookie binding the attempt)',
      responses: { '200': ok('PublicKeyCredentialRequestOptionsJSON', { type: 'object', properties: { options: { type: 'object' } } }), '429': error('Too many requests') },
    },
  },
  '/api/auth/passkey/verify': {
    post: {
      summary: 'Sign in with a passkey (complete on its own; never creates an account)',
      requestBody: bodyOf(passkeyVerifySchema),
      responses: { '200': ok('Signed in (sets cookies)', { type: 'object', properties: { user: ref('User') } }), '401': error('passkey_refused'), ...badInput },
    },
  },
  '/api/auth/reauth': {
    post: {
      summary: 'Step-up: confirm with the password or a passkey; a fresh auth_time in the same sign-in',
      requestBody: bodyOf(reauthSchema),
      responses: {
        '200': ok('Renewed (new cookies; Bearer callers get the pair in the body)', { type: 'object', required: ['authTime'], properties: { authTime: { type: 'integer' }, access_token: { type: 'string' }, refresh_token: { type: 'string' } } }),
        '401': error('invalid_credentials or passkey_refused'),
        '403': error('API tokens can never step up'),
        '429': error('Too many wrong passwords'),
        ...badInput,
      },
    },
  },
  '/api/auth/reauth/options': {
    post: { summary: 'Options for confirming with one of your passkeys', responses: { '200': ok('Options', { type: 'object', properties: { options: { type: 'object' } } }), '409': error('no_passkeys'), ...unauthorized } },
  },
  '/api/account': {
    delete: {
      summary: 'Delete the account (step-up; type the address). Orders are kept without personal data',
      requestBody: bodyOf(deleteAccountSchema),
      responses: { '204': { description: 'Deleted; cookies cleared' }, ...unauthorized, ...stepUp, ...badInput },
    },
  },
  '/api/account/passkeys': {
    get: { summary: 'Your passkeys', responses: { '200': ok('Passkeys', { type: 'object', properties: { passkeys: { type: 'array', items: passkey } } }), ...unauthorized } },
    post: {
      summary: 'Register the passkey created from /api/account/passkeys/options (step-up)',
      requestBody: bodyOf(registerPasskeySchema),
      responses: { '201': ok('Added', { type: 'object', properties: { passkey } }), '409': error('passkey_exists'), ...unauthorized, ...stepUp, ...badInput },
    },
  },
  '/api/account/passkeys/options': {
    post: { summary: 'Registration options for a new passkey (step-up)', responses: { '200': ok('Options', { type: 'object', properties: { options: { type: 'object' } } }), ...unauthorized, ...stepUp } },
  },
  '/api/account/passkeys/{id}': {
    patch: { summary: 'Rename a passkey', requestBody: bodyOf(renamePasskeySchema), responses: { '200': ok('Renamed', { type: 'object', properties: { passkey } }), '404': error('not_found'), ...unauthorized, ...badInput } },
    delete: { summary: 'Remove a passkey (step-up)', responses: { '204': { description: 'Removed' }, '404': error('not_found'), ...unauthorized, ...stepUp } },
  },
  '/api/account/totp': {
    post: {
      summary: 'Start turning two-step sign-in on: a new secret, active once confirmed (step-up)',
      responses: { '200': ok('Secret', { type: 'object', required: ['secret', 'otpauthUri'], properties: { secret: { type: 'string' }, otpauthUri: { type: 'string' } } }), '409': error('totp_already_enabled'), ...unauthorized, ...stepUp },
    },
    delete: { summary: 'Turn two-step sign-in off; other sign-ins end (step-up)', responses: { '200': ok('Off', { type: 'object', properties: { otherSessionsEnded: { type: 'integer' } } }), '409': error('totp_not_enabled'), ...unauthorized, ...stepUp } },
  },
  '/api/account/totp/confirm': {
    post: {
      summary: 'Confirm with a first code: two-step sign-in is on; 10 recovery codes, shown once (step-up)',
      requestBody: bodyOf(confirmTotpSchema),
      responses: { '200': ok('On', recoveryCodes), '401': error('invalid_code, or no valid credential'), ...stepUp, ...badInput },
    },
  },
  '/api/account/recovery-codes': {
    post: { summary: '10 new recovery codes; the old set dies (step-up)', responses: { '200': ok('Codes', recoveryCodes), '409': error('totp_not_enabled'), ...unauthorized, ...stepUp } },
  },
} as const;
