// An unreachable database must be told apart from bad input (503, nobody signed out), and a write
// conflict from a failure a retry cannot mend. The errors here are built from Prisma's own classes
// the way Prisma 7 builds them from a driver adapter's error (code from the adapter's kind, the
// adapter's error in meta.driverAdapterError), so a change of shape in Prisma shows up here.
import * as runtime from '@prisma/client/runtime/client';
import { DriverAdapterError } from '@prisma/driver-adapter-utils';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isInvalidValue, isUniqueViolation, isWriteConflict } from './errors';

type AdapterCause = ConstructorParameters<typeof DriverAdapterError>[0];

const clientVersion = '7.10.0';

/** A query error as Prisma throws it when the driver adapter reports `cause`. */
function fromAdapter(code: string, message: string, cause?: AdapterCause): runtime.PrismaClientKnownRequestError {
  const meta = cause ? { driverAdapterError: new DriverAdapterError(cause) } : {};
  return new runtime.PrismaClientKnownRequestError(message, { code, clientVersion, meta });
}

/** What the pg driver throws for a refused connection (a Node socket error). */
function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: 'connect' });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }],
    ['P1017', { kind: 'ConnectionClosed' }],
    ['P1008', { kind: 'SocketTimeout' }],
    ['P2037', { kind: 'TooManyConnections', cause: 'sorry, too many clients already' }],
    ['P1000', { kind: 'AuthenticationFailed', user: 'postgres' }],
  ] as const)('recognises %s (%o) from the driver adapter', (code, cause) => {
    expect(isDatabaseUnavailable(fromAdapter(code, 'Database error', cause as AdapterCause))).toBe(true);
  });

  it('recognises the pool timeout and a client that could not start by their Prisma class and code alone', () => {
    expect(isDatabaseUnavailable(fromAdapter('P2024', 'Timed out fetching a new connection from the connection pool.'))).toBe(true);
    expect(isDatabaseUnavailable(new runtime.PrismaClientInitializationError('Could not start the client', clientVersion, 'P1001'))).toBe(true);
  });

  it('reads the SQLSTATE inside a raw-query or unmapped database error (server shutting down)', () => {
    const shutdown: AdapterCause = { kind: 'postgres', code: '57P01', severity: 'FATAL', message: 'terminating connection due to administrator command', detail: undefined, column: undefined, hint: undefined };
    expect(isDatabaseUnavailable(fromAdapter('P2039', 'Database error. Code: `57P01`.', shutdown))).toBe(true);
    expect(isDatabaseUnavailable(fromAdapter('P2010', 'Raw query failed. Code: `08006`.', { ...shutdown, code: '08006' } as AdapterCause))).toBe(true);
  });

  it('recognises the driver’s own socket errors and a wrapped cause', () => {
    expect(isDatabaseUnavailable(socketError('ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('sign-in failed', { cause: socketError('ECONNRESET') }))).toBe(true);
  });

  it('falls back to the message only when no code says anything', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(fromAdapter('P2010', 'Raw query failed. Message: `Connection terminated unexpectedly`'))).toBe(true);
    // P2028 is the whole transaction API: only "could not start one in time" is an outage.
    expect(isDatabaseUnavailable(fromAdapter('P2028', 'Transaction API error: Unable to start a transaction in the given time.'))).toBe(true);
    expect(isDatabaseUnavailable(fromAdapter('P2028', 'Transaction API error: Transaction not found.'))).toBe(false);
  });

  it('does not call bad input, a conflict or a constraint violation an outage, whatever the message says', () => {
    expect(isDatabaseUnavailable(fromAdapter('P2002', 'Unique constraint failed on the fields: (`email`)', { kind: 'UniqueConstraintViolation', constraint: { fields: ['email'] } }))).toBe(false);
    expect(isDatabaseUnavailable(fromAdapter('P2034', 'Transaction failed due to a write conflict or a deadlock', { kind: 'TransactionWriteConflict', originalCode: '40P01' }))).toBe(false);
    // A definite Prisma code wins over words in the message.
    expect(isDatabaseUnavailable(fromAdapter('P2025', 'Record to update not found (connection closed meanwhile?)'))).toBe(false);
    expect(isDatabaseUnavailable(new runtime.PrismaClientValidationError('Argument `email` is missing.', { clientVersion }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is not a function'))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});

describe('isWriteConflict', () => {
  it('recognises a Postgres deadlock or serialization failure (P2034) and one inside a raw query', () => {
    expect(isWriteConflict(fromAdapter('P2034', 'Transaction failed due to a write conflict or a deadlock', { kind: 'TransactionWriteConflict', originalCode: '40P01' }))).toBe(true);
    expect(isWriteConflict(fromAdapter('P2034', 'Transaction failed due to a write conflict or a deadlock'))).toBe(true);
    expect(isWriteConflict(fromAdapter('P2010', 'Raw query failed. Code: `40001`.', { kind: 'TransactionWriteConflict', originalCode: '40001' }))).toBe(true);
  });

  it('recognises SQLite’s write lock (the adapter reports SQLITE_BUSY as a socket timeout): a conflict and, once retries run out, an outage', () => {
    const busy = fromAdapter('P1008', 'Socket timeout', { kind: 'SocketTimeout', originalCode: 'SQLITE_BUSY', originalMessage: 'database is locked' });
    expect(isWriteConflict(busy)).toBe(true);
    expect(isDatabaseUnavailable(busy)).toBe(true);
  });

  it('does not retry a Postgres socket timeout, a lost connection or a unique violation', () => {
    expect(isWriteConflict(fromAdapter('P1008', 'Socket timeout', { kind: 'SocketTimeout' }))).toBe(false);
    expect(isWriteConflict(fromAdapter('P1017', 'Server has closed the connection.', { kind: 'ConnectionClosed' }))).toBe(false);
    expect(isWriteConflict(fromAdapter('P2002', 'Unique constraint failed (database is locked?)'))).toBe(false);
  });

  it('falls back to the message for an error without a code', () => {
    expect(isWriteConflict(new Error('deadlock detected'))).toBe(true);
    expect(isWriteConflict(new Error('no such table: Cart'))).toBe(false);
  });
});

describe('isUniqueViolation', () => {
  it('recognises P2002, and a raw query that hit a unique index on Postgres or SQLite', () => {
    expect(isUniqueViolation(fromAdapter('P2002', 'Unique constraint failed on the fields: (`email`)', { kind: 'UniqueConstraintViolation', constraint: { fields: ['email'] } }))).toBe(true);
    expect(isUniqueViolation(fromAdapter('P2010', 'Raw query failed. Code: `23505`.', { kind: 'UniqueConstraintViolation', originalCode: '23505' }))).toBe(true);
    expect(isUniqueViolation(fromAdapter('P2010', 'Raw query failed. Code: `SQLITE_CONSTRAINT_PRIMARYKEY`.', { kind: 'UniqueConstraintViolation', originalCode: 'SQLITE_CONSTRAINT_PRIMARYKEY' }))).toBe(true);
  });

  it('does not take a foreign-key or not-found error for one, and reads the message only without a code', () => {
    expect(isUniqueViolation(fromAdapter('P2003', 'Foreign key constraint violated (not a duplicate key value)', { kind: 'ForeignKeyConstraintViolation', constraint: { foreignKey: {} } }))).toBe(false);
    expect(isUniqueViolation(fromAdapter('P2025', 'Record to update not found.'))).toBe(false);
    expect(isUniqueViolation(new Error('duplicate key value violates unique constraint "User_email_key"'))).toBe(true);
    expect(isUniqueViolation(new Error('UNIQUE constraint failed: User.email'))).toBe(true);
    expect(isUniqueViolation(new Error('no such table'))).toBe(false);
  });
});

describe('isInvalidValue', () => {
  /** What adapter-pg reports for a Postgres error it has no kind for (seen for a NUL in a query). */
  const postgres = (code: string, message: string): AdapterCause =>
    ({ kind: 'postgres', code, originalCode: code, originalMessage: message, severity: 'ERROR', message, detail: undefined, column: undefined, hint: undefined }) as AdapterCause;

  it.each([
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22P05', 'unsupported Unicode escape sequence'],
  ])('recognises SQLSTATE %s in a Prisma query error (P2039) and a raw query error (P2010)', (code, message) => {
    expect(isInvalidValue(fromAdapter('P2039', `Database error. Code: \`${code}\`.`, postgres(code, message)))).toBe(true);
    expect(isInvalidValue(fromAdapter('P2010', `Raw query failed. Code: \`${code}\`.`, postgres(code, message)))).toBe(true);
  });

  it('recognises a bare DriverAdapterError (queryRows), a pg error by its own code, and a wrapped one', () => {
    const bare = new DriverAdapterError(postgres('22021', 'invalid byte sequence for encoding "UTF8": 0x00'));
    expect(isInvalidValue(bare)).toBe(true);
    const pgError = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021', severity: 'ERROR' });
    expect(isInvalidValue(pgError)).toBe(true);
    expect(isInvalidValue(new Error('search failed', { cause: pgError }))).toBe(true);
  });

  it.each([
    ['22008', 'timestamp out of range'],
    ['22009', 'time zone displacement out of range: "-271821-04-20 00:00:00"'],
    ['22003', 'value "1099511627776" is out of range for type integer'],
  ])('leaves SQLSTATE %s to the 500 path: a date or number out of range is one the app failed to bound', (code, message) => {
    expect(isInvalidValue(fromAdapter('P2039', `Database error. Code: \`${code}\`.`, postgres(code, message)))).toBe(false);
  });

  it('leaves a number out of range by Prisma’s code (P2020) or the adapter’s kind to the 500 path too', () => {
    const cause = { kind: 'ValueOutOfRange', cause: 'value "1099511627776" is out of range for type integer', originalCode: '22003' } as AdapterCause;
    expect(isInvalidValue(fromAdapter('P2020', 'Value out of range for the type.', cause))).toBe(false);
    expect(isInvalidValue(fromAdapter('P2020', 'Value out of range for the type.'))).toBe(false);
  });

  it('is neither an outage, a conflict nor a unique violation, and those are not it', () => {
    const nul = fromAdapter('P2039', 'Database error. Code: `22021`.', postgres('22021', 'invalid byte sequence for encoding "UTF8": 0x00'));
    expect(isDatabaseUnavailable(nul)).toBe(false);
    expect(isWriteConflict(nul)).toBe(false);
    expect(isUniqueViolation(nul)).toBe(false);
    expect(isInvalidValue(fromAdapter('P1001', 'Can’t reach database server', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 } as AdapterCause))).toBe(false);
    expect(isInvalidValue(fromAdapter('P2034', 'Transaction failed due to a write conflict or a deadlock', { kind: 'TransactionWriteConflict', originalCode: '40P01' } as AdapterCause))).toBe(false);
    expect(isInvalidValue(fromAdapter('P2002', 'Unique constraint failed', { kind: 'UniqueConstraintViolation', constraint: { fields: ['email'] } } as AdapterCause))).toBe(false);
    // Other data exceptions (a division by zero is this app's bug, not the request's) stay 500s.
    expect(isInvalidValue(fromAdapter('P2039', 'Database error. Code: `22012`.', postgres('22012', 'division by zero')))).toBe(false);
    expect(isInvalidValue(fromAdapter('P2025', 'Record to update not found.'))).toBe(false);
    expect(isInvalidValue(new Error('invalid byte sequence for encoding "UTF8": 0x00'))).toBe(false);
    expect(isInvalidValue(new TypeError('x is not a function'))).toBe(false);
    expect(isInvalidValue('22021')).toBe(false);
  });
});
