// The second step's limits under concurrency, through the real route handlers and a real database
// (SQLite and Postgres projects): parallel requests cannot buy more guesses than the per-attempt
// and per-account limits, and a wrong code racing a right one is a clean 4xx, never a 500.
// Every wrong code that was actually checked writes one `second_step_failed` audit event, so the
// audit log counts the guesses that were evaluated.
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { accessCookie, errorBody, parseSetCookie, type Tokens } from '@/test/auth-requests';
import { api, signedUp, TEST_PASSWORD } from '@/test/auth-routes';
import { MFA_ACCOUNT_MAX_FAILURES, MFA_MAX_ATTEMPTS, openAttempt } from './second-step';

const codeAt = (secret: string, nowMs: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: nowMs });

/** A 6-digit code that matches no step the server could accept in the next minute or so. */
function wrongCode(secret: string, salt = 0): string {
  const near = new Set([-60_000, -30_000, 0, 30_000, 60_000, 90_000].map((d) => codeAt(secret, Date.now() + d)));
  for (let n = 100_000 + salt * 7919; ; n = (n + 1) % 1_000_000) {
    const code = String(n).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

async function withTotp(tokens: Tokens) {
  const { secret } = (await (await api.totpStart({ cookie: accessCookie(tokens) })).json()) as { secret: string };
  const confirm = await api.totpConfirm({ cookie: accessCookie(tokens), body: { code: codeAt(secret, Date.now()) } });
  expect(confirm.status).toBe(200);
  const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] };
  return { secret, recoveryCodes };
}

async function passwordStep(email: string): Promise<string> {
  const response = await api.login({ body: { email, password: TEST_PASSWORD } });
  const value = parseSetCookie(response).get('mfa')?.value;
  if (!value) throw new Error('no mfa cookie');
  return `mfa=${value}`;
}

async function answers(responses: Response[]): Promise<{ status: number; code: string | undefined }[]> {
  return Promise.all(responses.map(async (r) => ({ status: r.status, code: r.status === 200 ? undefined : (await errorBody(r)).error.code })));
}

async function failuresLogged(userId: string): Promise<number> {
  return (await db()).auditEvent.count({ where: { userId, type: 'second_step_failed' } });
}

describe('second step under parallel requests', () => {
  it('checks at most MFA_MAX_ATTEMPTS of a burst of wrong codes; the rest must sign in again, and so must the right code', async () => {
    const { user: { id: userId }, email, tokens } = await signedUp();
    const { secret } = await withTotp(tokens);
    const mfa = await passwordStep(email);

    const burst = MFA_MAX_ATTEMPTS * 3;
    const results = await answers(await Promise.all(Array.from({ length: burst }, (_, i) => api.loginMfa({ cookie: mfa, body: { code: wrongCode(secret, i) } }))));

    expect(results.every((r) => r.status === 401)).toBe(true);
    // Four say how many tries are left; the fifth wrong code and every guess past the limit end it.
    expect(results.filter((r) => r.code === 'invalid_code').length).toBeLessThanOrEqual(MFA_MAX_ATTEMPTS - 1);
    expect(results.filter((r) => r.code === 'mfa_challenge_ended').length).toBeGreaterThanOrEqual(burst - MFA_MAX_ATTEMPTS + 1);
    expect(await failuresLogged(userId)).toBeLessThanOrEqual(MFA_MAX_ATTEMPTS);

    // The attempt is over: the two-step page no longer finds it, and even the right code is refused.
    expect(await openAttempt(mfa.slice('mfa='.length))).toBeNull();
    const right = await api.loginMfa({ cookie: mfa, body: { code: codeAt(secret, Date.now() + 30_000) } });
    expect(right.status).toBe(401);
    expect((await errorBody(right)).error.code).toBe('mfa_challenge_ended');
    expect(parseSetCookie(right).has('access')).toBe(false);
  });

  it('checks at most MFA_ACCOUNT_MAX_FAILURES wrong codes per account, however many attempts race', async () => {
    const { user: { id: userId }, email, tokens } = await signedUp();
    const { secret } = await withTotp(tokens);
    // Enough attempts that their per-attempt limits together allow more than the account's.
    const attempts = Math.ceil(MFA_ACCOUNT_MAX_FAILURES / MFA_MAX_ATTEMPTS) + 2;
    const cookies: string[] = [];
    for (let i = 0; i < attempts; i++) cookies.push(await passwordStep(email));

    const guesses = cookies.flatMap((cookie, a) => Array.from({ length: MFA_MAX_ATTEMPTS }, (_, i) => ({ cookie, code: wrongCode(secret, a * MFA_MAX_ATTEMPTS + i) })));
    expect(guesses.length).toBeGreaterThan(MFA_ACCOUNT_MAX_FAILURES);
    const results = await answers(await Promise.all(guesses.map(({ cookie, code }) => api.loginMfa({ cookie, body: { code } }))));

    expect(results.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    const evaluated = await failuresLogged(userId);
    expect(evaluated).toBeLessThanOrEqual(MFA_ACCOUNT_MAX_FAILURES);
    expect(results.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(guesses.length - evaluated);

    // A guess that lost a race may have been refused early (and given back): top the account up to
    // its limit one wrong code at a time; past it, a fresh attempt's right code is refused too.
    let checked = evaluated;
    while (checked < MFA_ACCOUNT_MAX_FAILURES) {
      const mfa = await passwordStep(email);
      for (let i = 0; i < MFA_MAX_ATTEMPTS && checked < MFA_ACCOUNT_MAX_FAILURES; i++, checked++) {
        expect((await api.loginMfa({ cookie: mfa, body: { code: wrongCode(secret, checked) } })).status).toBe(401);
      }
    }
    expect(await failuresLogged(userId)).toBe(MFA_ACCOUNT_MAX_FAILURES);
    const right = await api.loginMfa({ cookie: await passwordStep(email), body: { code: codeAt(secret, Date.now() + 30_000) } });
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toBeTruthy();
    expect(parseSetCookie(right).has('access')).toBe(false);
  });

  it('a wrong code racing a right one is a clean 4xx, never a 500; the right one signs in', async () => {
    const { email, tokens } = await signedUp();
    const { secret, recoveryCodes } = await withTotp(tokens);

    // Recovery codes give a right answer per round (a TOTP step is accepted only once).
    for (let round = 0; round < 4; round++) {
      const mfa = await passwordStep(email);
      const wrong = () => api.loginMfa({ cookie: mfa, body: { code: wrongCode(secret, round) } });
      const right = () => api.loginMfa({ cookie: mfa, body: { recoveryCode: recoveryCodes[round] } });
      const results = await answers(await Promise.all(round % 2 ? [wrong(), right(), wrong()] : [right(), wrong(), wrong()]));
      const signedIn = results.filter((r) => r.status === 200);
      expect(signedIn).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 200)) {
        expect(r.status).toBe(401);
        expect(['invalid_code', 'mfa_challenge_ended']).toContain(r.code);
      }
    }

    // The same with a TOTP code.
    const mfa = await passwordStep(email);
    const results = await answers(
      await Promise.all([
        api.loginMfa({ cookie: mfa, body: { code: codeAt(secret, Date.now() + 30_000) } }),
        api.loginMfa({ cookie: mfa, body: { code: wrongCode(secret) } }),
        api.loginMfa({ cookie: mfa, body: { recoveryCode: 'aaaa-bbbb-cccc-dddd' } }),
      ]),
    );
    expect(results[0]!.status).toBe(200);
    expect(results.slice(1).every((r) => r.status === 401)).toBe(true);
  });

  it('two right codes in parallel make one sign-in and consume the attempt once', async () => {
    const { user: { id: userId }, email, tokens } = await signedUp();
    const { recoveryCodes } = await withTotp(tokens);
    const mfa = await passwordStep(email);
    const results = await answers(
      await Promise.all([api.loginMfa({ cookie: mfa, body: { recoveryCode: recoveryCodes[0] } }), api.loginMfa({ cookie: mfa, body: { recoveryCode: recoveryCodes[1] } })]),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 200)).toEqual([{ status: 401, code: 'mfa_challenge_ended' }]);
    expect(await (await db()).authChallenge.count({ where: { userId, purpose: 'mfa' } })).toBe(0);
    expect(await (await db()).auditEvent.count({ where: { userId, type: 'sign_in', detail: 'With a recovery code' } })).toBe(1);
    // The attempt is gone: a third code cannot use it.
    expect((await errorBody(await api.loginMfa({ cookie: mfa, body: { recoveryCode: recoveryCodes[2] } }))).error.code).toBe('mfa_challenge_ended');
  });
});
