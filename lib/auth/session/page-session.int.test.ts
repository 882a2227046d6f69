// Pages are for people signed in with the access cookie. A personal API token is never a person:
// put in the access cookie by hand (or by a script that copies it there), it opens no page and
// personalises none, while a sign-in token in the same cookie does (the positive control).
// An Authorization header never opens a page either.
//
// Pages read the request through next/headers, which only works inside Next's request scope: it
// is replaced here by the request's own headers and cookies. Tokens, keys and the database are real.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiToken } from '@/lib/auth/api-tokens';
import { startSession } from '@/lib/auth/sign-ins';
import { API_SCOPES } from '@/lib/auth/tokens';
import { request } from '@/test/next-headers';
import { createUser } from '@/test/shop-data';
import { getPageSession, requirePageSession } from './dal';

vi.mock('next/headers', async () => (await import('@/test/next-headers')).nextHeaders);

/** What next/navigation's redirect() throws: its digest carries the target. */
async function redirectTarget(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2]!;
    throw error;
  }
  throw new Error('no redirect');
}

let userId: string;
let signInToken: string;
let narrowedToken: string;
let apiToken: string;

beforeAll(async () => {
  userId = (await createUser('pages')).id;
  signInToken = (await startSession(userId)).access.token;
  // A sign-in narrowed at the token endpoint (grant_type=password&scope=orders:read): a program's.
  narrowedToken = (await startSession(userId, null, { amr: ['pwd'], scope: 'orders:read' })).access.token;
  // Every scope there is: still not a person.
  apiToken = (await createApiToken({ userId, name: 'all of it', scopes: [...API_SCOPES], ttlDays: 1 })).token;
});

beforeEach(() => {
  request.headers = new Headers();
});

describe('a page request', () => {
  it('with a sign-in token in the access cookie is that person', async () => {
    request.headers = new Headers({ cookie: `access=${signInToken}` });
    expect((await getPageSession())?.user.id).toBe(userId);
    expect((await requirePageSession('/account')).user.id).toBe(userId);
  });

  it('with a personal API token in the access cookie is nobody, and a protected page sends it to sign-in', async () => {
    request.headers = new Headers({ cookie: `access=${apiToken}` });
    expect(await getPageSession()).toBeNull();
    expect(await redirectTarget(() => requirePageSession('/account'))).toMatch(/^\/login\?next=%2Faccount/);
  });

  it('with a sign-in narrowed to a scope in the access cookie is nobody: the account page and the orders stay shut', async () => {
    request.headers = new Headers({ cookie: `access=${narrowedToken}` });
    expect(await getPageSession()).toBeNull();
    expect(await redirectTarget(() => requirePageSession('/orders'))).toMatch(/^\/login\?next=%2Forders/);
  });

  it('with an Authorization header is nobody, even with a good sign-in cookie beside it', async () => {
    request.headers = new Headers({ authorization: `Bearer ${signInToken}`, cookie: `access=${signInToken}` });
    expect(await getPageSession()).toBeNull();
    request.headers = new Headers({ authorization: `Bearer ${apiToken}` });
    expect(await getPageSession()).toBeNull();
  });
});

describe('a protected page without a good sign-in', () => {
  it('sends a visitor with no cookie to sign-in, and says "revoked" only when a cookie was refused', async () => {
    request.headers = new Headers();
    expect(await redirectTarget(() => requirePageSession('/account'))).toBe('/login?next=%2Faccount');
    const { signOut } = await import('@/lib/auth/sign-ins');
    const ended = await startSession(userId);
    await signOut({ access: ended.access.token });
    request.headers = new Headers({ cookie: `access=${ended.access.token}` });
    expect(await redirectTarget(() => requirePageSession('/account'))).toBe('/login?next=%2Faccount&reason=revoked');
    // A script's Authorization header is no page visitor's cookie: no "signed out elsewhere".
    request.headers = new Headers({ authorization: `Bearer ${ended.access.token}`, cookie: `access=${ended.access.token}` });
    expect(await redirectTarget(() => requirePageSession('/account'))).toBe('/login?next=%2Faccount');
  });

  it('refuses to serve a page that guards itself but is missing from the protection table', async () => {
    request.headers = new Headers({ cookie: `access=${signInToken}` });
    await expect(requirePageSession('/not-in-the-table')).rejects.toThrow(/PROTECTED_PAGES/);
  });
});
