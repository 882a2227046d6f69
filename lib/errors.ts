// One error type for everything a request can be refused for: a code, an HTTP status and a
// message that is safe to show. Database details are logged, never sent.

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

export const notFound = (what = 'Not found') => new AppError(404, 'not_found', what);

export const badRequest = (message: string, fields?: FieldErrors) => new AppError(400, 'invalid_request', message, fields);

export const forbiddenOrigin = () =>
  new AppError(403, 'forbidden_origin', 'This request did not come from this site, so it was refused.');

export const serviceUnavailable = () =>
  new AppError(503, 'service_unavailable', 'The service is temporarily unavailable. Please try again in a moment.', undefined, {
    'Retry-After': '5',
  });

/** Prisma and driver errors that mean "the database is unreachable", not "your input was bad". */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const text = `${error.name} ${(error as { code?: string }).code ?? ''} ${error.message}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|P1001|P1002|P1008|P1017|P2024|DatabaseNotReachable|ConnectionClosed|connection (terminated|refused|closed)|Can't reach database|SQLITE_BUSY|SQLITE_CANTOPEN|timeout exceeded when trying to connect|Connection terminated/i.test(
    text,
  );
}

/** A unique-constraint violation (two writers raced for the same row). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return code === 'P2002' || /Unique constraint failed|duplicate key value|UNIQUE constraint failed/i.test(error.message);
}
