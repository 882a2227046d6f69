// The OpenAPI paths of the mail-driven flows and the account JSON API (spread into
// lib/openapi.ts). Account routes take a sign-in token (cookie or Bearer), never a personal API
// token (403 insufficient_scope). Request bodies come from the handlers' zod schemas, response
// bodies from lib/validation/account-responses.ts; each operation's security is filled from the
// protection table (lib/auth/http/protection.ts).
import { accountPasswordSchema, accountTokenSchema, changeEmailSchema, confirmEmailSchema, forgotPasswordSchema, resetPasswordSchema } from '@/lib/validation/email';
import {
  activitySchema,
  apiTokensSchema,
  createdApiTokenSchema,
  deliveryReportSchema,
  emailConfirmedSchema,
  okSchema,
  passwordChangedSchema,
  passwordResetSchema,
  sessionsSchema,
} from '@/lib/validation/account-responses';
import { answer, answerOf, bodyOf } from './openapi-body';

const error = (description: string) => answerOf(description, 'Error');

const badInput = { '400': error('Invalid input; `fields` names each problem'), '415': error('Not JSON'), '413': error('Body too large') };
const signedIn = { '401': error('No valid credential (see WWW-Authenticate)'), '403': error('A personal API token (insufficient_scope), or a foreign Origin on a cookie request') };
/** Step-up (`fresh`): a sign-in older than AUTH_STEP_UP_MAX_AGE must sign in again first. */
const recentSignIn = { '403': error('reauth_required (the sign-in is not recent: sign in again), a personal API token, or a foreign Origin') };
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
const mailOff = { '503': error('mail_unavailable: this server sends no mail (MAIL_DISABLED)') };

export const accountPaths = {
  '/api/auth/password/forgot': {
    post: {
      summary: 'Mail a password-reset link. 202 whatever the address (same body, same time); throttled silently',
      requestBody: bodyOf(forgotPasswordSchema),
      responses: { '202': answer('Accepted', okSchema), ...badInput, ...mailOff },
    },
  },
  '/api/auth/password/reset': {
    post: {
      summary: 'Set a new password with the token from the mail; every sign-in and API token of the account ends',
      requestBody: bodyOf(resetPasswordSchema),
      responses: {
        '200': answer('Password set', passwordResetSchema),
        ...badInput,
        '400': error('invalid_token (used, expired, voided) or invalid input'),
      },
    },
  },
  '/api/auth/email/confirm': {
    post: {
      summary: 'Use a verification or change-of-address token from a mail',
      requestBody: bodyOf(confirmEmailSchema),
      responses: {
        '200': answer('Confirmed', emailConfirmedSchema),
        ...badInput,
        '400': error('invalid_token, or invalid input'),
        '409': error('email_taken: the new address was taken meanwhile'),
      },
    },
  },
  '/api/account/sessions': {
    get: {
      summary: 'Your active sign-ins (`current` marks this one)',
      responses: { '200': answer('Sign-ins', sessionsSchema), ...signedIn },
    },
  },
  '/api/account/sessions/{id}': {
    delete: {
      summary: 'End another sign-in',
      parameters: idParam,
      responses: { '204': { description: 'Ended' }, '400': error('invalid_request: the id is this sign-in (end it with POST /api/auth/logout)'), '404': error('not_found'), ...signedIn },
    },
  },
  '/api/account/tokens': {
    get: { summary: 'Your personal API tokens', responses: { '200': answer('Tokens', apiTokensSchema), ...signedIn } },
    post: {
      summary: 'Create a personal API token (the secret is in this answer only; step-up)',
      requestBody: bodyOf(accountTokenSchema),
      responses: {
        '201': answer('Created', createdApiTokenSchema),
        ...badInput,
        ...signedIn,
        '403': error('reauth_required (the sign-in is not recent), email_unverified (AUTH_REQUIRE_VERIFIED_EMAIL), a personal API token, or a foreign Origin'),
      },
    },
  },
  '/api/account/tokens/{id}': {
    delete: { summary: 'Revoke a personal API token', parameters: idParam, responses: { '204': { description: 'Revoked' }, '404': error('not_found'), ...signedIn } },
  },
  '/api/account/password': {
    post: {
      summary: 'Change the password; by default other sign-ins and API tokens end',
      requestBody: bodyOf(accountPasswordSchema),
      responses: {
        '200': answer('Changed', passwordChangedSchema),
        ...badInput,
        ...signedIn,
        ...recentSignIn,
        '409': error('no_password: the account has no password yet (it was made through a sign-in provider)'),
        '429': error('Too many wrong current passwords'),
      },
    },
  },
  '/api/account/email': {
    post: {
      summary: 'Change the address: a confirmation link goes to the new one; applied when it is used',
      requestBody: bodyOf(changeEmailSchema),
      responses: { '202': answer('Confirmation sent', okSchema), ...badInput, ...signedIn, ...recentSignIn, ...mailOff, '429': error('too_many_attempts: too many wrong passwords (see Retry-After)') },
    },
  },
  '/api/account/email/verification': {
    post: { summary: 'Send the verification mail again (while unverified; throttled)', responses: { '202': answer('Sent', okSchema), ...signedIn, ...mailOff } },
  },
  '/api/account/activity': {
    get: {
      summary: 'Your audit trail, newest first, 20 a page',
      parameters: [{ name: 'cursor', in: 'query', schema: { type: 'string' }, description: '`nextCursor` of the previous page' }],
      responses: { '200': answer('Events', activitySchema), '400': error('Bad cursor'), ...signedIn },
    },
  },
  '/api/cron/outbox': {
    get: {
      summary: 'Send outbox mail whose (re)try is due (Vercel Cron, `Authorization: Bearer $CRON_SECRET`)',
      security: [{ bearerAuth: [] }],
      responses: { '200': answer('Delivery report', deliveryReportSchema), '401': error('unauthorized') },
    },
  },
} as const;
