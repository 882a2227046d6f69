// The "confirm it is you" page of step-up offers exactly the ways the account has to prove a
// fresh sign-in: its password, a passkey, or a connected OpenID provider (which can: prompt=login
// and auth_time); never a password form to an account without one (every try would fail, then
// lock). An account with none of them is told what to do instead.
//
// The page reads the request through next/headers, replaced here by the request's own headers;
// tokens and the database are real. The page is inspected as the element tree it returns.
import { isValidElement, type ReactNode } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setPassword } from '@/lib/auth/accounts';
import { startSession } from '@/lib/auth/sign-ins';
import { db } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { request } from '@/test/next-headers';
import { createUser } from '@/test/shop-data';
import ReauthPage from './page';
import { ReauthForm } from './reauth-form';

vi.mock('next/headers', async () => (await import('@/test/next-headers')).nextHeaders);

const ISSUER = 'https://id.example.test';
const PROVIDER_ENV = { OIDC_ISSUER: ISSUER, OIDC_CLIENT_ID: 'shop', OIDC_CLIENT_SECRET: 'secret', OIDC_LABEL: 'Example ID' };

beforeAll(() => {
  Object.assign(process.env, PROVIDER_ENV);
  resetEnvForTests();
});
afterAll(() => {
  for (const name of Object.keys(PROVIDER_ENV)) delete process.env[name];
  resetEnvForTests();
});
beforeEach(() => {
  request.headers = new Headers();
});

/** Every element of the tree, depth first. */
function elements(node: ReactNode): { type: unknown; props: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!isValidElement(node)) return [];
  const props = node.props as Record<string, unknown>;
  return [{ type: node.type, props }, ...elements(props.children as ReactNode)];
}

async function visit(userId: string, next: string) {
  request.headers = new Headers({ cookie: `access=${(await startSession(userId)).access.token}; signed-in=1` });
  const tree = elements(await ReauthPage({ searchParams: Promise.resolve({ next }) }));
  return {
    passwordForm: tree.some((e) => e.type === ReauthForm),
    links: tree.filter((e) => e.type === 'a').map((e) => String(e.props.href)),
    text: JSON.stringify(tree.map((e) => e.props.children)),
  };
}

async function providerOnly(provider: string) {
  const user = await createUser('reauth-page');
  const prisma = await db();
  await prisma.user.update({ where: { id: user.id }, data: { passwordHash: null } });
  await prisma.account.create({ data: { userId: user.id, provider, subject: `sub-${user.id}` } });
  return user.id;
}

describe('/account/reauth', () => {
  it('an account with a password is asked for it', async () => {
    const user = await createUser('reauth-page');
    const page = await visit(user.id, '/account#password');
    expect(page.passwordForm).toBe(true);
    expect(page.links).toEqual([]);
  });

  it('an account without a password confirms with its OpenID provider, and comes back where it was; no password form', async () => {
    const userId = await providerOnly(ISSUER);
    const page = await visit(userId, '/account#providers');
    expect(page.passwordForm).toBe(false);
    expect(page.links).toEqual([`/api/auth/oidc/start?provider=oidc&reauth=1&next=${encodeURIComponent('/account#providers')}`]);
    // …and once it sets a password, both.
    await setPassword({ userId, currentSid: 'none', newPassword: 'a brand new password', signOutOthers: false, meta: { ipAddress: null, userAgent: 'test' } });
    expect((await visit(userId, '/account#providers')).passwordForm).toBe(true);
  });

  it('an account whose only way in cannot prove a fresh sign-in (GitHub) is told to sign in again', async () => {
    const userId = await providerOnly('github');
    const page = await visit(userId, '/account/two-step');
    expect(page.passwordForm).toBe(false);
    expect(page.links).toEqual([]);
    expect(page.text).toContain('sign out and sign in again');
  });
});
