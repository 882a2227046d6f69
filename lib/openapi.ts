// The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json.
// lib/openapi.test.ts fails when a route handler under app/ is missing here (or vice versa).
// Request bodies come from the same zod schemas the handlers parse with; response bodies from the
// zod schemas the handlers' answers are typed by (lib/validation/*responses.ts, oauth.ts), as
// components (User, Product, Cart, Order, Error, TokenResponse, OAuthError) or inline; and each
// operation's security (cookie or Bearer, and the API-token scope) from the protection table
// (lib/auth/http/protection.ts), so none of them can drift from what the code does.
import { API_ROUTES, type ApiRule } from '@/lib/auth/http/protection';
import { verifyEditSchema } from '@/lib/learn/verify-schema';
import { accountPaths } from './openapi-account';
import { answer, answerOf, bodyOf, jsonSchemaOf, responseSchemaOf } from './openapi-body';
import { loginSchema, signupSchema } from '@/lib/validation/auth';
import { addCartItemSchema, checkoutSchema, setCartItemSchema } from '@/lib/validation/cart';
import { providersSchema } from '@/lib/validation/account-responses';
import { oauthErrorSchema, tokenRequestSchema, tokenResponseSchema } from '@/lib/validation/oauth';
import {
  cartSchema,
  categoriesSchema,
  errorSchema,
  healthSchema,
  jwksSchema,
  loginAnswerSchema,
  meSchema,
  orderAnswerSchema,
  orderSchema,
  ordersSchema,
  productAnswerSchema,
  productPageSchema,
  productSchema,
  purgeReportSchema,
  refreshedSchema,
  signedInSchema,
  tamperVerdictSchema,
  userSchema,
} from '@/lib/validation/responses';
import { strongSignInPaths } from './openapi-strong-sign-in';

const error = (description: string) => answerOf(description, 'Error');

const unauthorized = { '401': error('No valid credential (see WWW-Authenticate)') };
const forbidden = { '403': error('Foreign origin on a cookie request, or an API token without the scope') };
const badInput = { '400': error('Invalid input; `fields` names each problem'), '415': error('Not JSON'), '413': error('Body too large') };
const unavailable = { '503': error('The database is unreachable; nobody is signed out') };

const bearerOrCookie = (scope?: string) => [{ cookieAuth: [] }, { bearerAuth: scope ? [scope] : [] }];

const document = {
  openapi: '3.1.0',
  info: {
    title: 'Tokenshop API',
    version: '1.0.0',
    description:
      'Every JSON route accepts the access cookie or `Authorization: Bearer <access token>`. A request with an Authorization header is authenticated by it alone; its cookies are ignored. Cookie requests that change state must carry this site\'s Origin.',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: {
      cookieAuth: { type: 'apiKey', in: 'cookie', name: 'access', description: '`__Host-access` over HTTPS' },
      bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    },
    schemas: {
      Error: responseSchemaOf(errorSchema),
      OAuthError: responseSchemaOf(oauthErrorSchema),
      User: responseSchemaOf(userSchema),
      Product: responseSchemaOf(productSchema),
      Cart: responseSchemaOf(cartSchema),
      Order: responseSchemaOf(orderSchema),
      TokenResponse: responseSchemaOf(tokenResponseSchema),
    },
  },
  paths: {
    ...accountPaths,
    '/api/auth/signup': {
      post: {
        summary: 'Create an account and sign in (sets cookies)',
        requestBody: bodyOf(signupSchema),
        responses: { '201': answer('Signed up', signedInSchema), '409': error('email_taken'), ...badInput, '429': error('Too many sign-ups') },
      },
    },
    '/api/auth/login': {
      post: {
        summary: 'Sign in with email and password (sets cookies)',
        requestBody: bodyOf(loginSchema),
        responses: {
          '200': answer('Signed in, or (two-step accounts) `{mfaRequired: true, methods}` with the `mfa` cookie: finish at /api/auth/login/mfa', loginAnswerSchema),
          '401': error('invalid_credentials: the same for an unknown email and a wrong password'),
          '429': error('Too many failed attempts; see Retry-After'),
          ...badInput,
        },
      },
    },
    '/api/auth/logout': {
      post: {
        summary: 'Sign out: revoke the token and its sign-in, clear cookies',
        description:
          'With cookies (a browser) the answer is always 204 (303 for a form post) and the cookies are cleared. With `Authorization: Bearer` (a program) the value may be an access token (its sign-in ends), a personal API token (it is revoked) or a refresh token (its sign-in ends); any other value (malformed, expired, or a refresh token already revoked or rotated) is 401 `invalid_token` and nothing is revoked. Signing out an unexpired access token twice is 204 both times.',
        responses: {
          '204': { description: 'Signed out' },
          '303': { description: 'A form post: to /' },
          '401': error('invalid_token: the Bearer value is not a good access, API or refresh token (see WWW-Authenticate); nothing was revoked'),
          ...forbidden,
        },
      },
    },
    '/api/auth/logout-all': {
      post: {
        summary: 'Sign out everywhere: every token issued until now (sign-ins and API tokens) dies',
        responses: { '204': { description: 'Done' }, '303': { description: 'A form post: to the sign-in page' }, ...unauthorized, ...forbidden },
      },
    },
    '/api/auth/refresh': {
      post: {
        summary: 'Rotate the refresh cookie: a new access and refresh token',
        responses: { '200': answer('Rotated', refreshedSchema), '401': error('invalid_refresh_token'), ...forbidden },
      },
      get: {
        summary: 'The browser hop: rotate, then 303 to `next` (or to /login?next=)',
        parameters: [{ name: 'next', in: 'query', schema: { type: 'string' }, description: 'a same-origin path; anything else becomes /' }],
        responses: { '303': { description: 'Redirect' } },
      },
    },
    '/api/auth/token': {
      post: {
        summary: 'OAuth 2.0 token endpoint (RFC 6749): password and refresh_token grants',
        requestBody: {
          content: {
            'application/x-www-form-urlencoded': { schema: jsonSchemaOf(tokenRequestSchema, 'input') },
            'application/json': { schema: jsonSchemaOf(tokenRequestSchema, 'input') },
          },
        },
        responses: {
          '200': answerOf('Tokens (Cache-Control: no-store)', 'TokenResponse'),
          '400': answerOf('RFC 6749 §5.2 error', 'OAuthError'),
          '413': answerOf('invalid_request: the body is too large', 'OAuthError'),
          '415': answerOf('invalid_request: neither form-encoded nor JSON', 'OAuthError'),
          '429': answerOf('slow_down', 'OAuthError'),
          '503': answerOf('temporarily_unavailable (the database is unreachable)', 'OAuthError'),
        },
      },
    },
    '/api/auth/oidc/start': {
      get: {
        summary: 'Start a sign-in at a provider (browser redirect)',
        description:
          'Sets the short-lived `oidc` cookie (state, nonce, PKCE verifier) and answers 303 to the provider. `link=1` connects the provider to the signed-in account; `reauth=1` confirms a recent sign-in (prompt=login, max_age=0). Refusals redirect to /login (or /account) with `oidc_error`.',
        security: [],
        parameters: [
          { name: 'provider', in: 'query', required: true, schema: { type: 'string', examples: ['oidc', 'github'] } },
          { name: 'next', in: 'query', required: false, schema: { type: 'string' } },
          { name: 'link', in: 'query', required: false, schema: { const: '1' } },
          { name: 'reauth', in: 'query', required: false, schema: { const: '1' } },
        ],
        responses: { '303': { description: 'To the provider, or back with `oidc_error`' } },
      },
    },
    '/api/auth/oidc/callback': {
      get: {
        summary: 'The provider sends the browser back here (code, state)',
        security: [],
        responses: { '303': { description: 'Signed in (session cookies) to `next`, or to /login or /account with `oidc_error`; never a session on refusal' } },
      },
    },
    '/api/account/providers': {
      get: {
        summary: 'Sign-in providers linked to the account, and those configured here',
        responses: {
          '200': answer('Providers', providersSchema),
          ...unauthorized,
          ...forbidden,
        },
      },
    },
    '/api/account/providers/{provider}': {
      delete: {
        summary: 'Disconnect a provider (step-up: 403 reauth_required unless the sign-in is recent); refused when it is the last way to sign in',
        parameters: [{ name: 'provider', in: 'path', required: true, schema: { type: 'string' }, description: 'the stored provider (URL-encoded) or a configured key' }],
        responses: {
          '204': { description: 'Disconnected' },
          '404': error('not_found'),
          '409': error('last_sign_in_method'),
          ...unauthorized,
          '403': error('reauth_required (the sign-in is not recent: sign in again), an API token, or a foreign Origin on a cookie request'),
        },
      },
    },
    '/api/me': {
      get: {
        summary: 'The signed-in user, and whether their address is verified',
        responses: {
          '200': answer('User', meSchema),
          ...unauthorized,
          ...forbidden,
        },
      },
    },
    '/api/products': {
      get: {
        summary: 'The catalogue (public): search, filter, sort, pages of 12',
        security: [],
        parameters: [
          { name: 'q', in: 'query', schema: { type: 'string' }, description: 'Words that must all appear in the name or description (case-insensitive; cut at 100 characters)' },
          { name: 'category', in: 'query', schema: { type: 'string', maxLength: 64 } },
          { name: 'sort', in: 'query', schema: { type: 'string', enum: ['name', 'price_asc', 'price_desc', 'newest'], default: 'name' } },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 1 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 48, default: 12 } },
        ],
        responses: {
          '200': answer('Products', productPageSchema),
          '400': error('invalid_request'),
        },
      },
    },
    '/api/categories': {
      get: {
        summary: 'The categories with their product counts (public)',
        security: [],
        responses: {
          '200': answer('Categories', categoriesSchema),
        },
      },
    },
    '/api/products/{slug}': {
      get: {
        summary: 'One product (public)',
        security: [],
        parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': answer('Product', productAnswerSchema), '404': error('not_found') },
      },
    },
    '/api/cart': { get: { summary: 'Your cart (a guest: the cart named by the `cart` cookie)', responses: { '200': answerOf('Cart', 'Cart'), ...unauthorized, ...forbidden } } },
    '/api/cart/items': {
      post: {
        summary: 'Add a product (or increase its quantity); a guest\'s first add sets the `cart` cookie',
        requestBody: bodyOf(addCartItemSchema),
        responses: {
          '200': answerOf('Cart', 'Cart'),
          '404': error('No such product'),
          '409': error('out_of_stock; cart_expired (the guest cart the cookie names was merged or purged)'),
          '429': error('too_many_carts: too many new guest carts from this address, or from everyone (see Retry-After)'),
          ...badInput,
          ...unauthorized,
          ...forbidden,
        },
      },
    },
    '/api/cart/items/{productId}': {
      patch: {
        summary: 'Set the quantity (0 removes the line)',
        parameters: [{ name: 'productId', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: bodyOf(setCartItemSchema),
        responses: {
          '200': answerOf('Cart', 'Cart'),
          '404': error('Not in the cart (or no cart yet)'),
          '409': error('out_of_stock; cart_expired (the guest cart the cookie names was merged or purged)'),
          ...badInput,
          ...unauthorized,
          ...forbidden,
        },
      },
      delete: {
        summary: 'Remove the line',
        parameters: [{ name: 'productId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': answerOf('Cart', 'Cart'), '404': error('not_found: an id no product can have (a line already gone is 200)'), ...unauthorized, ...forbidden },
      },
    },
    '/api/checkout': {
      post: {
        summary: 'Place an order from the cart (one transaction: prices re-read, stock decremented)',
        description:
          'The body is optional. Without one, the order is whatever the cart holds. With `cartFingerprint` (the cart as you reviewed it, computed from GET /api/cart as the field describes), a cart that changed since (a quantity, a line added or removed, a price) is refused with 409 `cart_changed`, and nothing changes: no order, the stock and the cart as they were.',
        requestBody: { required: false, ...bodyOf(checkoutSchema) },
        responses: {
          '201': answer('Order', orderAnswerSchema),
          '409': error('empty_cart; out_of_stock (names the product); cart_changed (the cart no longer matches `cartFingerprint`: review it and order again)'),
          ...badInput,
          ...unauthorized,
          '403': error('email_unverified (AUTH_REQUIRE_VERIFIED_EMAIL), a foreign Origin on a cookie request, or an API token without cart:write'),
        },
      },
    },
    '/api/orders': {
      get: { summary: 'Your orders, newest first', responses: { '200': answer('Orders', ordersSchema), ...unauthorized, ...forbidden } },
    },
    '/api/orders/{id}': {
      get: {
        summary: 'One of your orders (another user\'s is 404)',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': answer('Order', orderAnswerSchema), '404': error('not_found'), ...unauthorized, ...forbidden },
      },
    },
    '/api/health': { get: { summary: 'Liveness and database', security: [], responses: { '200': answer('OK', healthSchema), ...unavailable } } },
    '/api/cron/purge': {
      get: {
        summary: 'Delete expired revocations and sign-ins, prune old audit events, used one-time tokens, old sent mail, guest carts idle for 30 days and browsers unused for a year (Vercel Cron, `Authorization: Bearer $CRON_SECRET`)',
        security: [{ bearerAuth: [] }],
        responses: {
          '200': answer('Purged', purgeReportSchema),
          ...unauthorized,
        },
      },
    },
    '/api/learn/verify': {
      post: {
        summary: 'Tamper demo (/learn): your own access cookie with the payload you send, verified for real',
        description:
          'The server keeps the header and signature of the caller\'s access cookie, swaps in base64url(JSON of `payload`) and runs the real verification. An edited payload is always rejected (reason `signature`); an unchanged one is also checked against the database. Cookie only, same Origin.',
        security: [{ cookieAuth: [] }],
        requestBody: bodyOf(verifyEditSchema),
        responses: {
          '200': answer('The verdict', tamperVerdictSchema),
          ...badInput,
          ...unauthorized,
          ...forbidden,
          '429': error('too_many_attempts: more than 20 a minute (see Retry-After)'),
        },
      },
    },
    ...strongSignInPaths,
    '/api/openapi.json': { get: { summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1' } } } },
    '/.well-known/jwks.json': {
      get: { summary: 'Public keys that verify tokens (empty in HS256 mode)', security: [], responses: { '200': { description: 'JWK Set', content: { 'application/jwk-set+json': { schema: responseSchemaOf(jwksSchema) } } } } },
    },
  },
} as const;

type Operation = { security?: unknown; responses?: Record<string, unknown> };

/** Fills each operation's security from the protection table (an explicit one, e.g. cookie only, stays). */
function withSecurity<D extends { paths: Record<string, Record<string, Operation>> }>(doc: D): D {
  for (const [path, methods] of Object.entries(API_ROUTES)) {
    for (const [method, rule] of Object.entries(methods as Record<string, ApiRule>)) {
      const operation = doc.paths[path]?.[method.toLowerCase()];
      if (!operation || operation.security !== undefined) continue;
      operation.security = rule.auth === 'required' ? bearerOrCookie(rule.scope) : rule.auth === 'optional' ? [{}, ...bearerOrCookie(rule.scope)] : [];
    }
  }
  return doc;
}

/**
 * The answers every route of a kind can give, added where an operation does not say them itself:
 * - 503 wherever the database is read (`route()` in lib/http.ts answers any outage so, with
 *   Retry-After), and wherever a password is hashed (the queue is full: `busy`);
 * - 403 on every write a cookie may authenticate (the Origin rule: `forbidden_origin`), and on
 *   every route a personal API token may reach without the right scope (`insufficient_scope`).
 * The token endpoint keeps its own (OAuth's error shape, no Origin rule).
 */
function withCommonAnswers<D extends { paths: Record<string, Record<string, Operation>> }>(doc: D): D {
  for (const [path, methods] of Object.entries(API_ROUTES)) {
    if (path === '/api/auth/token') continue;
    for (const [method, rule] of Object.entries(methods as Record<string, ApiRule>)) {
      const responses = doc.paths[path]?.[method.toLowerCase()]?.responses;
      if (!responses) continue;
      responses['503'] ??= error('service_unavailable (the database is unreachable) or busy (the password-hashing queue is full); see Retry-After');
      const write = method !== 'GET';
      const reasons = [write ? 'forbidden_origin: a foreign or null Origin (or Sec-Fetch-Site cross-site) on a cookie request' : null, rule.auth !== 'none' ? 'insufficient_scope: a personal API token without the scope this route needs' : null].filter(Boolean);
      if (reasons.length) responses['403'] ??= error(reasons.join('; or '));
    }
  }
  return doc;
}

export const openApiDocument = withCommonAnswers(
  withSecurity(structuredClone(document) as unknown as { paths: Record<string, Record<string, Operation>> } & Omit<typeof document, 'paths'>),
);
