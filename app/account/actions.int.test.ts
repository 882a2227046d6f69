// /account's void server actions (forms without state) on SQLite and Postgres: a refusal comes
// back to the page as a notice or a redirect, never as a thrown error (Next answers a thrown
// action with 500 and the error page). The request is replaced through test/next-headers; the
// tokens, the database and next/navigation's redirect() are real.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startSession } from '@/lib/auth/sign-ins';
import { signToken, uuidv7 } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { request } from '@/test/next-headers';
import { createUser } from '@/test/shop-data';
import { endSessionAction, revokeApiTokenAction, unlinkProviderAction } from './actions';
import { disableTotpAction, removePasskeyAction, renamePasskeyAction, startTotpAction } from './strong-actions';

vi.mock('next/headers', async () => (await import('@/test/next-headers')).nextHeaders);
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const OURS = 'http://localhost:3000';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** Where the action sent the browser; a thrown error fails the test (it would be a 500). */
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2]!;
    throw error;
  }
  throw new Error('the action returned without a redirect');
}

function signedInAs(access: string, origin: string = OURS) {
  request.headers = new Headers({ host: 'localhost:3000', origin, cookie: `access=${access}; signed-in=1` });
}

let userId: string;
beforeEach(async () => {
  userId = (await createUser('account-actions')).id;
});

describe('refusals come back to /account, never as a 500', () => {
  it('an id holding a NUL (which Postgres refuses) is an unknown sign-in or token; nothing is ended', async () => {
    const mine = await startSession(userId);
    const other = await startSession(userId);
    signedInAs(mine.access.token);
    expect(await redirectOf(() => endSessionAction(form({ sid: `${other.access.claims.sid}\u0000` })))).toBe('/account?notice=not_found#notice');
    expect(await redirectOf(() => revokeApiTokenAction(form({ id: 'a\u0000b' })))).toBe('/account?notice=not_found#notice');
    const row = await (await db()).session.findUnique({ where: { id: other.access.claims.sid }, select: { revokedAt: true } });
    expect(row?.revokedAt).toBeNull();
  });

  it('Disconnect with a sign-in older than the step-up window goes to confirm it is you, and back to the providers', async () => {
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    const stale = (await signToken('access', { sub: userId, sid: uuidv7(), auth_time: hourAgo, amr: ['pwd'] })).token;
    signedInAs(stale);
    expect(await redirectOf(() => unlinkProviderAction(form({ provider: 'github' })))).toBe(`/account/reauth?next=${encodeURIComponent('/account#providers')}`);
  });

  it('Disconnect from another site, or of a provider that is not linked, says so on the page', async () => {
    const { access } = await startSession(userId);
    signedInAs(access.token, 'https://evil.example');
    expect(await redirectOf(() => unlinkProviderAction(form({ provider: 'github' })))).toBe('/account?notice=forbidden_origin#notice');
    signedInAs(access.token);
    expect(await redirectOf(() => unlinkProviderAction(form({ provider: 'github' })))).toBe('/account?oidc_error=not_linked#providers');
  });

  it('passkey forms: a blank name, or a passkey removed in another tab, comes back as a notice', async () => {
    const { access } = await startSession(userId);
    signedInAs(access.token);
    expect(await redirectOf(() => renamePasskeyAction(form({ id: 'gone', name: '   ' })))).toBe('/account?notice=invalid_passkey_name#notice');
    expect(await redirectOf(() => renamePasskeyAction(form({ id: 'gone', name: 'Laptop' })))).toBe('/account?notice=not_found#notice');
    expect(await redirectOf(() => removePasskeyAction(form({ id: 'gone' })))).toBe('/account?notice=not_found#notice');
    signedInAs(access.token, 'https://evil.example');
    expect(await redirectOf(() => renamePasskeyAction(form({ id: 'gone', name: 'Laptop' })))).toBe('/account?notice=forbidden_origin#notice');
  });

  it('two-step sign-in turned off (or on) in another tab: the other tab’s button says so', async () => {
    const { access } = await startSession(userId);
    signedInAs(access.token);
    expect(await redirectOf(() => disableTotpAction())).toBe('/account?notice=totp_not_enabled#notice');
    expect(await redirectOf(() => startTotpAction())).toBe('/account/two-step');
    await (await db()).totpFactor.update({ where: { userId }, data: { confirmedAt: new Date() } });
    expect(await redirectOf(() => startTotpAction())).toBe('/account?notice=totp_already_enabled#notice');
  });
});
