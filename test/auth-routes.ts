// The auth and account route handlers called directly, the way a browser or a script calls them,
// and a signed-up account to start from: shared by the integration tests so each file reads as
// what it checks, not as its own copy of the plumbing.
import { expect } from 'vitest';
import { DELETE as deleteAccountRoute } from '@/app/api/account/route';
import { POST as changeEmailRoute } from '@/app/api/account/email/route';
import { POST as resendVerificationRoute } from '@/app/api/account/email/verification/route';
import { POST as changePasswordRoute } from '@/app/api/account/password/route';
import { POST as recoveryCodesRoute } from '@/app/api/account/recovery-codes/route';
import { POST as createTokenRoute } from '@/app/api/account/tokens/route';
import { DELETE as totpOffRoute, POST as totpStartRoute } from '@/app/api/account/totp/route';
import { POST as totpConfirmRoute } from '@/app/api/account/totp/confirm/route';
import { POST as confirmEmailRoute } from '@/app/api/auth/email/confirm/route';
import { POST as loginRoute } from '@/app/api/auth/login/route';
import { POST as loginMfaRoute } from '@/app/api/auth/login/mfa/route';
import { POST as logoutRoute } from '@/app/api/auth/logout/route';
import { POST as logoutAllRoute } from '@/app/api/auth/logout-all/route';
import { POST as forgotPasswordRoute } from '@/app/api/auth/password/forgot/route';
import { POST as resetPasswordRoute } from '@/app/api/auth/password/reset/route';
import { POST as reauthRoute } from '@/app/api/auth/reauth/route';
import { POST as refreshRoute } from '@/app/api/auth/refresh/route';
import { POST as signupRoute } from '@/app/api/auth/signup/route';
import { GET as meRoute } from '@/app/api/me/route';
import { makeRequest, tokensFrom, uniqueEmail, type CallOptions, type Tokens } from './auth-requests';
import { openApiDocument } from '@/lib/openapi';

/** The password every test account signs up with. */
export const TEST_PASSWORD = 'correct horse battery';

/** The name every test account signs up with unless a test gives one. */
export const TEST_NAME = 'Test Shopper';

/** Route handlers of static paths ignore their context (dynamic ones take `params` from it). */
export const NO_CONTEXT = {} as never;

export type RouteHandler = (request: Request, context: never) => Promise<Response>;

/**
 * One route as a function of the call's options. A write carries this app's Origin unless the
 * options say otherwise; a GET carries none, like a navigation or a script's plain fetch.
 */
export function route(handler: RouteHandler, path: string, method = 'POST') {
  return async (options: CallOptions = {}) => {
    const response = await handler(makeRequest(path, method, method === 'GET' ? { origin: null, ...options } : options), NO_CONTEXT);
    expectDocumented(path, method, response.status);
    return response;
  };
}

/**
 * Every answer a test sees is one the published contract (GET /api/openapi.json) lists for that
 * operation: a program written against it never meets a status it was not told of.
 */
export function expectDocumented(path: string, method: string, status: number): void {
  const operation = (openApiDocument.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>)[path.split('?')[0]!]?.[method.toLowerCase()];
  const listed = Object.keys(operation?.responses ?? {});
  expect(listed, `${method} ${path} answered ${status}, which the OpenAPI document does not list`).toContain(String(status));
}

export const api = {
  signup: route(signupRoute, '/api/auth/signup'),
  login: route(loginRoute, '/api/auth/login'),
  loginMfa: route(loginMfaRoute, '/api/auth/login/mfa'),
  reauth: route(reauthRoute, '/api/auth/reauth'),
  refresh: route(refreshRoute, '/api/auth/refresh'),
  logout: route(logoutRoute, '/api/auth/logout'),
  logoutAll: route(logoutAllRoute, '/api/auth/logout-all'),
  me: route(meRoute, '/api/me', 'GET'),
  forgotPassword: route(forgotPasswordRoute, '/api/auth/password/forgot'),
  resetPassword: route(resetPasswordRoute, '/api/auth/password/reset'),
  confirmEmail: route(confirmEmailRoute, '/api/auth/email/confirm'),
  changeEmail: route(changeEmailRoute, '/api/account/email'),
  resendVerification: route(resendVerificationRoute, '/api/account/email/verification'),
  changePassword: route(changePasswordRoute, '/api/account/password'),
  createToken: route(createTokenRoute, '/api/account/tokens'),
  totpStart: route(totpStartRoute, '/api/account/totp'),
  totpConfirm: route(totpConfirmRoute, '/api/account/totp/confirm'),
  totpOff: route(totpOffRoute, '/api/account/totp', 'DELETE'),
  recoveryCodes: route(recoveryCodesRoute, '/api/account/recovery-codes'),
  deleteAccount: route(deleteAccountRoute, '/api/account', 'DELETE'),
};

export interface SignUpOptions {
  email?: string;
  name?: string;
  password?: string;
  /** Extra request headers (a browser's User-Agent, say). */
  headers?: Record<string, string>;
}

export interface SignedUp {
  email: string;
  user: { id: string; email: string; name: string };
  tokens: Tokens;
}

/** A new account through POST /api/auth/signup (201), signed in with the tokens it was given. */
export async function signedUp(options: SignUpOptions = {}): Promise<SignedUp> {
  const email = options.email ?? uniqueEmail('user');
  const response = await api.signup({
    body: { email, password: options.password ?? TEST_PASSWORD, name: options.name ?? TEST_NAME },
    ...(options.headers ? { headers: options.headers } : {}),
  });
  expect(response.status).toBe(201);
  const { user } = (await response.json()) as { user: SignedUp['user'] };
  return { email, user, tokens: tokensFrom(response) };
}

/** A password sign-in that must succeed (200); its tokens. */
export async function signedIn(email: string, password = TEST_PASSWORD): Promise<Tokens> {
  const response = await api.login({ body: { email, password } });
  expect(response.status).toBe(200);
  return tokensFrom(response);
}
