// Removing a passkey is refused when it is the account's last way to sign in, through the route
// (DELETE /api/account/passkeys/:id), the /account server action and alongside a provider
// disconnect racing it. Real route handlers, a real database (SQLite and Postgres projects); the
// accounts are made straight through Prisma, with GitHub configured so its rows are a way in.
//
// The server action reads the request through next/headers, replaced here by the request's own
// headers; next/navigation's redirect() is real.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DELETE as removePasskeyRoute } from '@/app/api/account/passkeys/[id]/route';
import { DELETE as unlinkRoute } from '@/app/api/account/providers/[provider]/route';
import { removePasskeyAction } from '@/app/account/strong-actions';
import { startSession } from '@/lib/auth/sign-ins';
import { db } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { accessCookie, errorBody, makeRequest } from '@/test/auth-requests';
import { request } from '@/test/next-headers';

vi.mock('next/headers', async () => (await import('@/test/next-headers')).nextHeaders);

/** A provider this deployment used to offer (its OIDC_ISSUER has changed since). */
const RETIRED_ISSUER = 'https://retired-id.example.test';

beforeEach(() => {
  // GitHub is offered here (the int setup puts the environment back after each test).
  Object.assign(process.env, { GITHUB_CLIENT_ID: 'passkey-tests', GITHUB_CLIENT_SECRET: 'passkey-tests-secret' });
  resetEnvForTests();
  request.headers = new Headers();
});

/** An account made through a provider: no password, its stored provider rows, a fresh sign-in. */
async function providerAccount(providers: string[] = ['github']) {
  const prisma = await db();
  const tag = randomUUID().slice(0, 8);
  const user = await prisma.user.create({
    data: { email: `passkeys-${tag}@example.test`, name: `Passkeys ${tag}`, passwordHash: null, tokensValidAfter: new Date(Date.now() - 60_000) },
    select: { id: true },
  });
  for (const provider of providers) await prisma.account.create({ data: { userId: user.id, provider, subject: `sub-${tag}-${provider}` } });
  const tokens = await startSession(user.id, null, { amr: ['fed'] });
  return { userId: user.id, cookie: accessCookie({ access: tokens.access.token }) };
}

async function addPasskey(userId: string, name = 'Laptop'): Promise<string> {
  const credentialId = `cred-${randomUUID()}`;
  await (await db()).passkey.create({ data: { credentialId, userId, publicKey: new Uint8Array([1, 2, 3]), name } });
  return credentialId;
}

const removeViaRoute = (cookie: string, id: string) =>
  removePasskeyRoute(makeRequest(`/api/account/passkeys/${encodeURIComponent(id)}`, 'DELETE', { cookie }), { params: Promise.resolve({ id }) });

const unlinkViaRoute = (cookie: string, provider: string) =>
  unlinkRoute(makeRequest(`/api/account/providers/${encodeURIComponent(provider)}`, 'DELETE', { cookie }), { params: Promise.resolve({ provider }) });

const passkeysOf = async (userId: string) => (await db()).passkey.count({ where: { userId } });

describe('removing a passkey (DELETE /api/account/passkeys/:id)', () => {
  it('an account made through a provider, its provider disconnected: its last passkey cannot be removed (409), another can', async () => {
    const { userId, cookie } = await providerAccount();
    const first = await addPasskey(userId, 'Laptop');
    // A passkey remains, so disconnecting the provider is allowed.
    expect((await unlinkViaRoute(cookie, 'github')).status).toBe(204);

    const refused = await removeViaRoute(cookie, first);
    expect(refused.status).toBe(409);
    expect((await errorBody(refused)).error.code).toBe('last_sign_in_method');
    expect(await passkeysOf(userId)).toBe(1);

    const second = await addPasskey(userId, 'Phone');
    expect((await removeViaRoute(cookie, first)).status).toBe(204);
    expect(await passkeysOf(userId)).toBe(1);
    expect((await errorBody(await removeViaRoute(cookie, second))).error.code).toBe('last_sign_in_method');
  });

  it('a password or a provider this deployment offers is another way in; a provider it no longer offers is not', async () => {
    const retired = await providerAccount([RETIRED_ISSUER]);
    const onlyRetired = await addPasskey(retired.userId);
    expect((await errorBody(await removeViaRoute(retired.cookie, onlyRetired))).error.code).toBe('last_sign_in_method');
    // The same row counts once its provider is offered again (OIDC_ISSUER set back).
    Object.assign(process.env, { OIDC_ISSUER: RETIRED_ISSUER, OIDC_CLIENT_ID: 'client', OIDC_CLIENT_SECRET: 'secret' });
    resetEnvForTests();
    expect((await removeViaRoute(retired.cookie, onlyRetired)).status).toBe(204);

    const offered = await providerAccount(['github']);
    expect((await removeViaRoute(offered.cookie, await addPasskey(offered.userId))).status).toBe(204);

    const withPassword = await providerAccount([]);
    await (await db()).user.update({ where: { id: withPassword.userId }, data: { passwordHash: 'a-password-hash' } });
    expect((await removeViaRoute(withPassword.cookie, await addPasskey(withPassword.userId))).status).toBe(204);
  });

  it('an unknown id, another account’s passkey or one with a control character is 404, never a 500', async () => {
    const { userId, cookie } = await providerAccount();
    const other = await providerAccount();
    const theirs = await addPasskey(other.userId);
    for (const id of ['no-such-passkey', theirs, 'cred-\u0000', 'x'.repeat(2000)]) {
      const response = await removeViaRoute(cookie, id);
      expect(response.status, JSON.stringify(id)).toBe(404);
      expect((await errorBody(response)).error.code).toBe('not_found');
    }
    expect(await passkeysOf(other.userId)).toBe(1);
    expect(await passkeysOf(userId)).toBe(0);
  });

  it('racing a provider disconnect: the account keeps one way in, whichever wins', async () => {
    for (let round = 0; round < 6; round++) {
      const { userId, cookie } = await providerAccount();
      const passkey = await addPasskey(userId);
      // Either one sent first, so each gets to start its check while the other is under way.
      const calls = [() => removeViaRoute(cookie, passkey), () => unlinkViaRoute(cookie, 'github')];
      if (round % 2) calls.reverse();
      const answers = await Promise.all(calls.map((call) => call()));
      expect(answers.map((a) => a.status).sort()).toEqual([204, 409]);
      const prisma = await db();
      const left = (await prisma.passkey.count({ where: { userId } })) + (await prisma.account.count({ where: { userId } }));
      expect(left).toBe(1);
    }
  });
});

/** Where a server action redirected (next/navigation's redirect() throws; its digest carries the target). */
async function redirectTarget(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) throw new Error(`refused with ${error.status} ${error.code}, not redirected`);
    const digest = String((error as { digest?: string }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2]!;
    throw error;
  }
  throw new Error('no redirect');
}

describe('the Remove button on /account (removePasskeyAction)', () => {
  it('says why the last way in cannot be removed, and an unknown id comes back with a notice, never a 500', async () => {
    const { userId, cookie } = await providerAccount();
    const passkey = await addPasskey(userId);
    expect((await unlinkViaRoute(cookie, 'github')).status).toBe(204);
    request.headers = new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000', cookie });

    const form = new FormData();
    form.set('id', passkey);
    expect(await redirectTarget(() => removePasskeyAction(form))).toBe('/account?notice=last_sign_in_method#notice');
    expect(await passkeysOf(userId)).toBe(1);

    form.set('id', 'no-such-passkey');
    expect(await redirectTarget(() => removePasskeyAction(form))).toBe('/account?notice=not_found#notice');
  });
});
