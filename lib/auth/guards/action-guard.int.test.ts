// The server-action guard, rule by rule, on actions declared here: what a cross-site form, a guest,
// an API token in the cookie and a stale sign-in each get, and what the form is shown.
//
// Server actions read the request through next/headers, which only works inside Next's request
// scope: it is replaced here by the request's own headers and cookies. Tokens, keys, the database
// and next/navigation's redirect() are real.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiToken } from '@/lib/auth/api-tokens';
import { startSession } from '@/lib/auth/sign-ins';
import { signToken, uuidv7 } from '@/lib/auth/tokens';
import * as runtime from '@prisma/client/runtime/client';
import { DriverAdapterError } from '@prisma/driver-adapter-utils';
import { AppError, badRequest, invalidValue } from '@/lib/errors';
import { request } from '@/test/next-headers';
import { createUser } from '@/test/shop-data';
import { action, formAction } from './action';

vi.mock('next/headers', async () => (await import('@/test/next-headers')).nextHeaders);

const OURS = 'http://localhost:3000';
const foreign = 'https://evil.example';

/** A request to a server action: the browser sends Origin and the cookie; `null` leaves Origin out. */
function post({ origin = OURS, cookie }: { origin?: string | null; cookie?: string } = {}) {
  request.headers = new Headers({ host: 'localhost:3000', ...(origin !== null ? { origin } : {}), ...(cookie ? { cookie } : {}) });
}

/** The AppError code an action threw, or 'ok'. */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return `redirect ${digest.split(';')[2]}`;
    throw error;
  }
}

let userId: string;
let signIn: string;
let stale: string;
let apiToken: string;

beforeAll(async () => {
  userId = (await createUser('action-guard')).id;
  signIn = (await startSession(userId)).access.token;
  const hourAgo = Math.floor(Date.now() / 1000) - 3600;
  stale = (await signToken('access', { sub: userId, sid: uuidv7(), auth_time: hourAgo, amr: ['pwd'] })).token;
  apiToken = (await createApiToken({ userId, name: 'all', scopes: ['cart:read', 'cart:write', 'orders:read'], ttlDays: 1 })).token;
});

beforeEach(() => post());

const whoAmI = action({ auth: 'required' }, async ({ session, origin, secure }) => ({ user: session.user.id, origin, secure }));

describe('the Origin rule of a server action', () => {
  it('by default refuses a foreign Origin and a missing one; allows our own', async () => {
    post({ origin: foreign, cookie: `access=${signIn}` });
    expect(await outcome(whoAmI)).toBe('403 forbidden_origin');
    post({ origin: null, cookie: `access=${signIn}` });
    expect(await outcome(whoAmI)).toBe('403 forbidden_origin');
    post({ cookie: `access=${signIn}` });
    expect(await whoAmI()).toEqual({ user: userId, origin: OURS, secure: false });
  });

  it("'login' refuses a foreign Origin and allows a missing one", async () => {
    const signInForm = action({ auth: 'none', origin: 'login' }, async ({ session }) => session);
    post({ origin: foreign });
    expect(await outcome(signInForm)).toBe('403 forbidden_origin');
    post({ origin: null });
    expect(await outcome(signInForm)).toBe('ok');
  });

  it('false checks nothing', async () => {
    const unchecked = action({ auth: 'required', origin: false }, async ({ session }) => session.user.id);
    post({ origin: foreign, cookie: `access=${signIn}` });
    expect(await unchecked()).toBe(userId);
  });
});

describe('the session rule of a server action', () => {
  it("'required' refuses a guest (401) and an API token in the cookie (403: no scope is accepted)", async () => {
    post();
    expect(await outcome(whoAmI)).toBe('401 unauthorized');
    post({ cookie: `access=${apiToken}` });
    expect(await outcome(whoAmI)).toBe('403 insufficient_scope');
  });

  it("'optional' is a guest without a cookie and the user with one; 'none' looks nobody up", async () => {
    const optional = action({ auth: 'optional' }, async ({ session }) => session?.user.id ?? null);
    const none = action({ auth: 'none' }, async ({ session }) => session);
    post();
    expect(await optional()).toBeNull();
    post({ cookie: `access=${signIn}` });
    expect(await optional()).toBe(userId);
    expect(await none()).toBeNull();
    post({ cookie: 'access=not-a-token' });
    expect(await outcome(optional)).toBe('401 unauthorized');
  });

  it("'fresh' sends a stale sign-in to the re-auth prompt (with reauthNext) or refuses it (403)", async () => {
    const withPrompt = action({ auth: 'required', fresh: true, reauthNext: '/account#password' }, async ({ session }) => session.user.id);
    const withoutPrompt = action({ auth: 'required', fresh: true }, async ({ session }) => session.user.id);
    post({ cookie: `access=${stale}` });
    expect(await outcome(withPrompt)).toBe('redirect /account/reauth?next=%2Faccount%23password');
    expect(await outcome(withoutPrompt)).toBe('403 reauth_required');
    // The stale token is a good sign-in where no step-up is asked.
    expect(await whoAmI()).toMatchObject({ user: userId });
    post({ cookie: `access=${signIn}` });
    expect(await withPrompt()).toBe(userId);
    expect(await withoutPrompt()).toBe(userId);
  });
});

describe('formAction: what the form is shown', () => {
  const values = (formData: FormData) => ({ name: String(formData.get('name') ?? '') });
  const form = new FormData();
  form.set('name', 'typed');

  it('a refusal becomes an error state that keeps what was typed; a signed-out one says so', async () => {
    const rename = formAction({ auth: 'required', values }, async (_formData, { session, values: typed }) => ({ status: 'ok', message: `${session.user.id}:${typed.name}` }));
    post();
    expect(await rename({}, form)).toEqual({ status: 'error', message: 'Your sign-in has ended. Sign in again to carry on.', code: 'unauthorized', values: { name: 'typed' } });
    post({ origin: foreign, cookie: `access=${signIn}` });
    expect(await rename({}, form)).toMatchObject({ status: 'error', code: 'forbidden_origin', message: expect.stringMatching(/did not come from this site/), values: { name: 'typed' } });
    post({ cookie: `access=${signIn}` });
    expect(await rename({}, form)).toEqual({ status: 'ok', message: `${userId}:typed` });
  });

  it("passes the body's field errors through, and lets a redirect and an unexpected error propagate", async () => {
    post({ cookie: `access=${signIn}` });
    const invalid = formAction({ auth: 'required', values }, async () => {
      throw badRequest('Check the name.', { name: ['Too short.'] });
    });
    expect(await invalid({}, form)).toEqual({ status: 'error', message: 'Check the name.', code: 'invalid_request', fields: { name: ['Too short.'] }, values: { name: 'typed' } });
    const refused = formAction({ auth: 'required' }, async () => {
      throw new AppError(409, 'conflict', 'Changed meanwhile.');
    });
    expect(await refused({}, form)).toEqual({ status: 'error', message: 'Changed meanwhile.', code: 'conflict', values: {} });

    const stalePrompt = formAction({ auth: 'required', fresh: true, reauthNext: '/account' }, async () => ({ status: 'ok' }));
    post({ cookie: `access=${stale}` });
    expect(await outcome(() => stalePrompt({}, form))).toBe('redirect /account/reauth?next=%2Faccount');

    const broken = formAction({ auth: 'none' }, async () => {
      throw new Error('bug');
    });
    await expect(broken({}, form)).rejects.toThrow('bug');
  });
  it('a value the database refused (a NUL in text on Postgres) is bad input: an invalid_request error state, never a crash', async () => {
    post({ cookie: `access=${signIn}` });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // What Prisma throws when Postgres refuses a NUL (SQLSTATE 22021) through the pg adapter.
    const cause = { kind: 'postgres', code: '22021', originalCode: '22021', severity: 'ERROR', message: 'invalid byte sequence for encoding "UTF8": 0x00' } as const;
    const nul = new runtime.PrismaClientKnownRequestError('Database error. Code: `22021`.', { code: 'P2039', clientVersion: '7.10.0', meta: { driverAdapterError: new DriverAdapterError(cause as never) } });
    const store = formAction({ auth: 'required', values }, async () => {
      throw nul;
    });
    expect(await store({}, form)).toEqual({ status: 'error', message: invalidValue().message, code: 'invalid_request', values: { name: 'typed' } });
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});

describe('arguments that are not a form (a crafted action call)', () => {
  it('are refused with 400 invalid_request before the guard or the body runs, whatever the origin', async () => {
    let ran = 0;
    const voidForm = action({ auth: 'required' }, async (_guard, formData: FormData) => {
      ran += 1;
      return formData.get('id');
    });
    const stateForm = formAction({ auth: 'required' }, async (formData) => {
      ran += 1;
      return { status: 'ok', message: String(formData.get('id')) };
    });
    for (const origin of [OURS, foreign]) {
      post({ origin, cookie: `access=${signIn}` });
      for (const args of [['x'], [null], [{ get: 1 }], [new FormData(), 'x']] as unknown as [FormData][]) {
        expect(await outcome(() => voidForm(...args))).toBe('400 invalid_request');
      }
      for (const crafted of [undefined, 'x', null, 42] as unknown as FormData[]) {
        expect(await stateForm({}, crafted)).toEqual({ status: 'error', message: 'That request was not valid.', code: 'invalid_request' });
      }
    }
    expect(ran).toBe(0);
    post({ cookie: `access=${signIn}` });
    expect(await outcome(() => voidForm(new FormData()))).toBe('ok');
    expect(ran).toBe(1);
  });
});
