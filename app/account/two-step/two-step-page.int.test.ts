// The set-up page of two-step sign-in (/account/two-step) shows the pending secret and its QR code
// only to a recent sign-in, as POST /api/account/totp hands a new one out only to a recent sign-in:
// a stolen cookie that still refreshes, polling the page while the owner sets up, must not copy
// the secret. A stale sign-in is sent to confirm it is them and comes back here.
//
// The page reads the request through next/headers, replaced here by the request's own headers;
// tokens, the database and next/navigation's redirect() are real. The page is rendered as the
// element tree its server component returns.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startSession } from '@/lib/auth/sign-ins';
import { pendingTotp, startTotp } from '@/lib/auth/totp';
import { db } from '@/lib/db';
import { request } from '@/test/next-headers';
import { createUser } from '@/test/shop-data';
import TwoStepSetupPage from './page';

vi.mock('next/headers', async () => (await import('@/test/next-headers')).nextHeaders);

beforeEach(() => {
  request.headers = new Headers();
});

/** 'rendered' with the page's element tree as text, or where the page redirected. */
async function visit(): Promise<{ redirect: string } | { rendered: string }> {
  try {
    return { rendered: JSON.stringify(await TwoStepSetupPage()) };
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return { redirect: digest.split(';')[2]! };
    throw error;
  }
}

const signedInAt = async (userId: string, authTimeMs: number) =>
  `access=${(await startSession(userId, null, { amr: ['pwd'] }, authTimeMs)).access.token}; signed-in=1`;

/** A user part-way through setting up: the pending secret, as the owner's authenticator app got it. */
async function settingUp() {
  const user = await createUser('two-step-page');
  // Its sign-ins may start before now (a token from before tokensValidAfter is revoked).
  await (await db()).user.update({ where: { id: user.id }, data: { tokensValidAfter: new Date(Date.now() - 60 * 60_000) } });
  const email = `${user.id}@example.test`;
  const { secret } = await startTotp({ userId: user.id, email });
  return { userId: user.id, secret };
}

describe('/account/two-step with a pending factor', () => {
  it('a recent sign-in sees the secret and the QR code', async () => {
    const { userId, secret } = await settingUp();
    request.headers = new Headers({ cookie: await signedInAt(userId, Date.now()) });
    const page = await visit();
    expect(page).toHaveProperty('rendered');
    const html = (page as { rendered: string }).rendered;
    expect(html).toContain(secret.replace(/(.{4})/g, '$1 ').trim());
    expect(html).toContain('data:image/png;base64,');
  });

  it('a sign-in that is no longer recent is sent to confirm it is them, and the secret is not shown', async () => {
    const { userId, secret } = await settingUp();
    // Eleven minutes ago: the access token is still valid (15 minutes), its auth_time not recent (600 s).
    request.headers = new Headers({ cookie: await signedInAt(userId, Date.now() - 11 * 60_000) });
    const page = await visit();
    expect(page).toEqual({ redirect: '/account/reauth?next=%2Faccount%2Ftwo-step' });
    expect(JSON.stringify(page)).not.toContain(secret);
  });

  it('pendingTotp hands the secret only to a recent sign-in (403 reauth_required otherwise)', async () => {
    const { userId, secret } = await settingUp();
    request.headers = new Headers({ cookie: await signedInAt(userId, Date.now()) });
    const { getPageSession } = await import('@/lib/auth/session');
    const fresh = (await getPageSession())!;
    expect((await pendingTotp(fresh))?.secret).toBe(secret);
    const stale = { ...fresh, claims: { ...fresh.claims, auth_time: Math.floor(Date.now() / 1000) - 11 * 60 } };
    await expect(pendingTotp(stale)).rejects.toMatchObject({ status: 403, code: 'reauth_required' });
  });

  it('a guest is sent to sign in first', async () => {
    expect(await visit()).toEqual({ redirect: '/login?next=%2Faccount%2Ftwo-step' });
  });
});
