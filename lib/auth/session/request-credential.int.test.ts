// Which credential a request presents, and how the session of a request is found, outside the
// page rules (page-session.int.test.ts): server actions read the request through next/headers,
// where a Bearer header wins and otherwise cookies() is read, because cookies() also sees an access
// cookie this same action has just set (after a refresh) and the raw Cookie header does not.
// Route handlers pass their Request, and the session is looked up once per Request object.
//
// next/headers is replaced by the request's own headers and cookies; tokens, keys and the
// database are real.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSession } from '@/lib/auth/sign-ins';
import { request } from '@/test/next-headers';
import { createUser } from '@/test/shop-data';
import { getPageSession, getSession, requestCredential, requireSession } from './dal';

vi.mock('next/headers', async () => (await import('@/test/next-headers')).nextHeaders);

let userId: string;
let token: string;
let otherToken: string;

beforeAll(async () => {
  userId = (await createUser('credential')).id;
  token = (await startSession(userId)).access.token;
  otherToken = (await startSession((await createUser('credential-other')).id)).access.token;
});

beforeEach(() => {
  request.headers = new Headers();
  request.cookiesSetHere = {};
});

describe('a server action (no Request: next/headers)', () => {
  it('with a Bearer header is that token, read from the header', async () => {
    request.headers = new Headers({ authorization: `Bearer ${token}` });
    expect(await requestCredential()).toEqual({ via: 'bearer', token });
    const session = await requireSession();
    expect(session.user.id).toBe(userId);
    expect(session.via).toBe('bearer');
  });

  it('with an access cookie is that cookie, via cookie', async () => {
    request.headers = new Headers({ cookie: `access=${token}` });
    expect(await requestCredential()).toEqual({ via: 'cookie', token });
    expect(await getSession()).toMatchObject({ user: { id: userId }, via: 'cookie' });
  });

  it('sees an access cookie set earlier in the same action, not the one the request came with', async () => {
    request.headers = new Headers({ cookie: `access=${otherToken}` });
    request.cookiesSetHere = { access: token };
    expect(await requestCredential()).toEqual({ via: 'cookie', token });
    expect((await requireSession()).user.id).toBe(userId);
  });

  it('with neither presents nothing, and requireSession answers 401', async () => {
    expect(await requestCredential()).toEqual({ via: 'none' });
    expect(await getSession()).toBeNull();
    await expect(requireSession()).rejects.toMatchObject({ status: 401 });
  });
});

describe('a page', () => {
  it('is signed in via the cookie (what linking a provider account requires)', async () => {
    request.headers = new Headers({ cookie: `access=${token}` });
    expect(await getPageSession()).toMatchObject({ user: { id: userId }, via: 'cookie' });
  });
});

describe('a route handler (its Request)', () => {
  it('looks the session up once per Request: the same answer object, one lookup', async () => {
    const first = new Request('http://localhost/api/me', { headers: { authorization: `Bearer ${token}` } });
    const second = new Request('http://localhost/api/me', { headers: { authorization: `Bearer ${token}` } });
    const once = getSession(first);
    expect(getSession(first)).toBe(once);
    expect(getSession(second)).not.toBe(once);
    expect((await once)?.user.id).toBe(userId);
    expect((await getSession(second))?.via).toBe('bearer');
  });
});
