// One error type for everything a request can be refused for: a code, an HTTP status and a
// message that is safe to show. Database details are logged, never sent. Telling a database
// outage or write conflict from bad input is lib/db/errors.ts (server code; this file is shared
// with the browser bundle).

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const unauthorized = (message = 'Sign in to continue.') =>
  new AppError(401, 'unauthorized', message, undefined, { 'WWW-Authenticate': 'Bearer' });

/** 401 for a credential that was presented but is bad, expired or revoked (RFC 6750 §3.1). */
export const invalidCredential = () =>
  new AppError(401, 'unauthorized', 'This sign-in is not valid any more: sign in again, or send a valid Bearer token.', undefined, {
    'WWW-Authenticate': 'Bearer error="invalid_token"',
  });

export const notFound = (what = 'Not found') => new AppError(404, 'not_found', what);

export const badRequest = (message: string, fields?: FieldErrors) => new AppError(400, 'invalid_request', message, fields);

/** 400 for a value the database refused (lib/db/errors.ts isInvalidValue): which one is not said. */
export const invalidValue = () =>
  badRequest('Some of the input cannot be used: remove any control characters.');

export const forbiddenOrigin = () =>
  new AppError(403, 'forbidden_origin', 'This request did not come from this site, so it was refused.');

export const serviceUnavailable = () =>
  new AppError(503, 'service_unavailable', 'The service is temporarily unavailable. Please try again in a moment.', undefined, {
    'Retry-After': '5',
  });
