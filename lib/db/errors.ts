// What a failed database call means for the caller: the database is out (answer 503, sign nobody
// out), two writers collided (re-run the transaction), a unique key was taken (the row exists), or
// the database refused a value the request carried (a NUL in text, a date or number out of range:
// answer 400, the input was bad).
//
// Prisma's error classes and codes decide first. With a driver adapter every driver error reaches
// us as a PrismaClientKnownRequestError whose code Prisma derives from the adapter's error kind
// (DatabaseNotReachable → P1001, ConnectionClosed → P1017, TransactionWriteConflict → P2034, …)
// and whose meta.driverAdapterError carries the kind and the driver's own code (a Postgres
// SQLSTATE, an SQLite result code). Errors thrown around Prisma (the pg driver's socket errors, a
// wrapped cause) are read by their `code`. Message patterns are the last resort, for errors
// that arrive without any of that.
//
// Server code only (lib/errors.ts stays free of Prisma, since the browser bundle imports it).
import * as runtime from '@prisma/client/runtime/client';

/** Prisma codes for "the database cannot be reached or used", not "this query was wrong". */
const OUTAGE_CODES = new Set([
  'P1000', // authentication failed
  'P1001', // can't reach the database server
  'P1002', // the server was reached but timed out
  'P1003', // the database does not exist
  'P1008', // socket timeout (SQLite: still busy after the busy timeout)
  'P1010', // access denied
  'P1011', // TLS connection error
  'P1017', // the server closed the connection
  'P2024', // timed out fetching a connection from the pool
  'P2037', // too many connections
]);

/**
 * Prisma codes that wrap a failure without classifying it (a raw query failed, the transaction API,
 * a JavaScript error in the driver, a database error Prisma has no code for): the driver's code or,
 * failing that, the message decides. Every other Prisma code is an answer in itself.
 */
const WRAPPER_CODES = new Set(['P2010', 'P2028', 'P2036', 'P2039']);

/** Driver adapter error kinds with the same meaning (a DriverAdapterError that escaped unwrapped). */
const OUTAGE_KINDS = new Set([
  'AuthenticationFailed',
  'DatabaseNotReachable',
  'DatabaseDoesNotExist',
  'DatabaseAccessDenied',
  'TlsConnectionError',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);

/** Socket errors of the pg driver (Node's `error.code`) that mean the server is gone. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH']);

/**
 * Postgres SQLSTATEs of an outage: class 08 (connection exception), 53300 (too many connections),
 * 57P01-57P03 (the server is shutting down, crashed or not yet accepting connections).
 */
const isOutageSqlState = (code: string) => /^08...$/.test(code) || code === '53300' || /^57P0[123]$/.test(code);

/** Postgres SQLSTATEs of a write conflict: serialization failure, deadlock. */
const CONFLICT_SQLSTATES = new Set(['40001', '40P01']);

/**
 * Postgres SQLSTATEs of text the database cannot take, whatever the query: 22021 (a NUL, or a byte
 * sequence invalid in UTF-8) and 22P05 (a character the encoding lacks). Only text comes from the
 * request unchecked in kind; a date or number out of range (22008, 22009, 22003, Prisma's P2020)
 * is one the app computed or failed to bound, its own bug, and stays a 500 with its log.
 */
const INVALID_VALUE_SQLSTATES = new Set(['22021', '22P05']);

const OUTAGE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EPIPE|Can't reach database|Server has closed the connection|connection (terminated|refused|closed|ended)|timeout exceeded when trying to connect|Client has encountered a connection error|SQLITE_BUSY|SQLITE_CANTOPEN|database is locked|Unable to start a transaction in the given time/i;
const CONFLICT_MESSAGE = /SQLITE_BUSY|database is locked|deadlock detected|could not serialize|TransactionWriteConflict/i;
const UNIQUE_MESSAGE = /Unique constraint failed|duplicate key value|UNIQUE constraint failed/i;

type DriverCause = { kind?: string; originalCode?: string; code?: string | number };

function isKnownRequestError(error: Error): error is runtime.PrismaClientKnownRequestError {
  // The name check covers a second copy of Prisma's runtime (its classes then differ by identity).
  return error instanceof runtime.PrismaClientKnownRequestError || (error.name === 'PrismaClientKnownRequestError' && typeof (error as { code?: unknown }).code === 'string');
}

function isInitializationError(error: Error): boolean {
  return error instanceof runtime.PrismaClientInitializationError || error.name === 'PrismaClientInitializationError';
}

/** The driver adapter's description of the failure: from Prisma's meta, or a DriverAdapterError itself. */
function driverCause(error: Error): DriverCause | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } }).meta;
  if (meta?.driverAdapterError?.cause) return meta.driverAdapterError.cause;
  if (error.name === 'DriverAdapterError' && typeof error.cause === 'object' && error.cause) return error.cause as DriverCause;
  return undefined;
}

/** The driver's own code: a Postgres SQLSTATE, an SQLite result code name, a socket errno name. */
function driverCode(error: Error): string | undefined {
  const cause = driverCause(error);
  const code = cause?.originalCode ?? (cause?.kind === 'postgres' ? cause.code : undefined);
  if (code !== undefined) return String(code);
  if (isKnownRequestError(error)) return undefined; // its `code` is Prisma's, read separately
  const own = (error as { code?: unknown }).code;
  return typeof own === 'string' ? own : undefined;
}

function causeOf(error: Error): Error | undefined {
  const cause = error.cause;
  return cause instanceof Error && cause !== error ? cause : undefined;
}

function describe(error: Error): string {
  return `${error.name} ${error.message}`;
}

/** The database is unreachable or unusable: a 503, never "your input was bad" or "signed out". */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (isInitializationError(error)) return true;
  const kind = driverCause(error)?.kind;
  if (kind && OUTAGE_KINDS.has(kind)) return true;
  const code = driverCode(error);
  if (code && (SOCKET_CODES.has(code) || code.startsWith('SQLITE_BUSY') || code === 'SQLITE_CANTOPEN' || isOutageSqlState(code))) return true;
  if (isKnownRequestError(error) && !WRAPPER_CODES.has(error.code)) return OUTAGE_CODES.has(error.code);
  const inner = causeOf(error);
  return (inner !== undefined && isDatabaseUnavailable(inner)) || OUTAGE_MESSAGE.test(describe(error));
}

/** Two transactions collided (serialization failure, deadlock, SQLite's write lock): re-run it. */
export function isWriteConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (driverCause(error)?.kind === 'TransactionWriteConflict') return true;
  const code = driverCode(error);
  if (code && (CONFLICT_SQLSTATES.has(code) || code.startsWith('SQLITE_BUSY'))) return true;
  if (isKnownRequestError(error) && !WRAPPER_CODES.has(error.code)) return error.code === 'P2034';
  const inner = causeOf(error);
  return (inner !== undefined && isWriteConflict(inner)) || CONFLICT_MESSAGE.test(describe(error));
}

/** A unique-constraint violation (two writers raced for the same row). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (driverCause(error)?.kind === 'UniqueConstraintViolation') return true;
  const code = driverCode(error);
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  if (isKnownRequestError(error) && !WRAPPER_CODES.has(error.code)) return error.code === 'P2002';
  return UNIQUE_MESSAGE.test(error.message);
}

/**
 * The database refused text of the query as impossible to store or compare (a NUL, an encoding
 * error): the request's input was bad, so a 400; nothing was changed (the statement failed, and
 * its transaction with it).
 */
export function isInvalidValue(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = driverCode(error);
  if (code && INVALID_VALUE_SQLSTATES.has(code)) return true;
  if (isKnownRequestError(error) && !WRAPPER_CODES.has(error.code)) return false;
  const inner = causeOf(error);
  return inner !== undefined && isInvalidValue(inner);
}
