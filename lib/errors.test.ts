// An unreachable database must be told apart from bad input: it answers 503 and never signs
// anyone out. These are the shapes Prisma 7's driver adapters throw.
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isUniqueViolation } from './errors';

function prismaError(code: string, message: string, kind?: string): Error {
  return Object.assign(new Error(message), {
    name: 'PrismaClientKnownRequestError',
    code,
    meta: kind ? { driverAdapterError: { name: 'DriverAdapterError', cause: { kind } } } : {},
  });
}

describe('isDatabaseUnavailable', () => {
  it.each(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'])('recognises a raw query failing with %s', (kind) => {
    expect(isDatabaseUnavailable(prismaError('P2010', 'Raw query failed. Code: `N/A`. Message: `something`', kind))).toBe(true);
  });

  it('recognises connection loss described only in the message', () => {
    expect(isDatabaseUnavailable(prismaError('P2010', 'Raw query failed. Message: `Connection terminated unexpectedly`'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('wrapped'), { cause: new Error('read ECONNRESET') }))).toBe(true);
  });

  it('does not call bad input or a constraint violation an outage', () => {
    expect(isDatabaseUnavailable(prismaError('P2002', 'Unique constraint failed on the fields: (`email`)', 'UniqueConstraintViolation'))).toBe(false);
    expect(isDatabaseUnavailable(prismaError('P2025', 'Record to update not found.'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is not a function'))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});

describe('isUniqueViolation', () => {
  it('recognises Prisma, Postgres and SQLite spellings', () => {
    expect(isUniqueViolation(prismaError('P2002', 'Unique constraint failed'))).toBe(true);
    expect(isUniqueViolation(new Error('duplicate key value violates unique constraint "User_email_key"'))).toBe(true);
    expect(isUniqueViolation(new Error('UNIQUE constraint failed: User.email'))).toBe(true);
    expect(isUniqueViolation(new Error('no such table'))).toBe(false);
  });
});
