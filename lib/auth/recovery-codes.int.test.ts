// Recovery codes against a real database (SQLite and Postgres projects): the 80-bit format, typed
// back in any case with or without dashes and spaces, stored only hashed with their user, and codes made
// before this format (plain SHA-256 rows) still working once.
import { createHash } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { accessCookie, parseSetCookie } from '@/test/auth-requests';
import { api, signedUp, TEST_PASSWORD } from '@/test/auth-routes';
import { recoveryCodesLeft } from './recovery-codes';

const codeAt = (secret: string, nowMs: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: nowMs });

async function twoStepUser() {
  const { user, email, tokens } = await signedUp();
  const { secret } = (await (await api.totpStart({ cookie: accessCookie(tokens) })).json()) as { secret: string };
  const confirm = await api.totpConfirm({ cookie: accessCookie(tokens), body: { code: codeAt(secret, Date.now()) } });
  const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] };
  return { userId: user.id, email, recoveryCodes };
}

async function secondStep(email: string, recoveryCode: string): Promise<number> {
  const password = await api.login({ body: { email, password: TEST_PASSWORD } });
  const mfa = `mfa=${parseSetCookie(password).get('mfa')!.value}`;
  return (await api.loginMfa({ cookie: mfa, body: { recoveryCode } })).status;
}

describe('recovery codes', () => {
  it('are 16 characters of base32 (80 bits) in groups of four, stored only hashed with their user', async () => {
    const { userId, recoveryCodes } = await twoStepUser();
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
    const stored = await (await db()).recoveryCode.findMany({ where: { userId } });
    expect(stored).toHaveLength(10);
    const plainHashes = recoveryCodes.flatMap((code) => [code, code.replace(/-/g, '')].map((c) => createHash('sha256').update(c).digest('hex')));
    for (const { hash } of stored) {
      expect(hash).toMatch(/^v2\.[0-9a-f]{64}$/);
      expect(plainHashes).not.toContain(hash.slice(3));
      expect(recoveryCodes.some((code) => hash.includes(code.replace(/-/g, '')))).toBe(false);
    }
  });

  it('are accepted in any case, with or without dashes and spaces, once each', async () => {
    const { userId, email, recoveryCodes } = await twoStepUser();
    const [a, b, c] = recoveryCodes as [string, string, string];
    expect(await secondStep(email, a.toUpperCase())).toBe(200);
    expect(await secondStep(email, b.replace(/-/g, ''))).toBe(200);
    expect(await secondStep(email, ` ${c.replace(/-/g, ' ').toUpperCase()} `)).toBe(200);
    expect(await secondStep(email, a)).toBe(401);
    expect(await recoveryCodesLeft(userId)).toBe(7);
  });

  it('codes stored before this format (plain SHA-256 of a 10-character code) still work once', async () => {
    const { userId, email } = await twoStepUser();
    const old = 'abcde-fghjk';
    await (await db()).recoveryCode.create({ data: { userId, hash: createHash('sha256').update('abcdefghjk').digest('hex') } });
    expect(await secondStep(email, old.toUpperCase())).toBe(200);
    expect(await secondStep(email, old)).toBe(401);
    expect(await recoveryCodesLeft(userId)).toBe(10);
  });

  it('a code loses nothing when a parallel right code finished the attempt first', async () => {
    const { userId, email, recoveryCodes } = await twoStepUser();
    const password = await api.login({ body: { email, password: TEST_PASSWORD } });
    const mfa = `mfa=${parseSetCookie(password).get('mfa')!.value}`;
    const statuses = (await Promise.all(recoveryCodes.slice(0, 2).map((recoveryCode) => api.loginMfa({ cookie: mfa, body: { recoveryCode } })))).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 401]);
    expect(await recoveryCodesLeft(userId)).toBe(9);
  });
});
