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

/** What a Prisma driver adapter says when the database itself cannot be reached or used. */
const UNREACHABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TlsConnectionError',
  'AuthenticationFailed',
  'DatabaseDoesNotExist',
  'DatabaseAccessDenied',
]);

/** Prisma and driver errors that mean "the database is unreachable", not "your input was bad". */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { kind?: string } } } }).meta;
  const kind = meta?.driverAdapterError?.cause?.kind;
  if (kind && UNREACHABLE_KINDS.has(kind)) return true;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error && cause !== error && isDatabaseUnavailable(cause)) return true;
  const text = `${error.name} ${(error as { code?: string }).code ?? ''} ${error.message}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EPIPE|P1001|P1002|P1008|P1017|P2024|DatabaseNotReachable|ConnectionClosed|SocketTimeout|connection (terminated|refused|closed|ended)|Can't reach database|Server has closed the connection|SQLITE_BUSY|SQLITE_CANTOPEN|timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|Unable to start a transaction in the given time/i.test(
    text,
  );
}

/** A unique-constraint violation (two writers raced for the same row). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return code === 'P2002' || /Unique constraint failed|duplicate key value|UNIQUE constraint failed/i.test(error.message);
}
