// Unit rules of strong sign-in: the step-up window, the secret box, TOTP steps, recovery codes
// and amr in words.
import { createHash } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { describeAmr } from './amr';
import type { TokenClaims } from './tokens';
import { hashRecoveryCode, newRecoveryCode, normaliseRecoveryCode } from './recovery-codes';
import { seal, unseal } from './secret-box';
import type { Session } from './session';
import { isRecentSignIn, requireRecentSignIn } from './step-up';
import { matchingStep } from './totp';

const NOW = 1_800_000_000_000;
const session = (claims: Partial<TokenClaims>): Session => ({
  user: { id: 'u', email: 'a@example.test', name: 'A', emailVerified: true },
  claims: { sub: 'u', sid: 's', jti: 'j', iat: NOW / 1000, exp: NOW / 1000 + 900, ...claims },
  via: 'cookie',
});

afterEach(() => {
  delete process.env.AUTH_STEP_UP_MAX_AGE;
  resetEnvForTests();
});

describe('step-up', () => {
  it('accepts a sign-in within AUTH_STEP_UP_MAX_AGE and refuses an older one with reauth_required', () => {
    process.env.AUTH_STEP_UP_MAX_AGE = '600';
    resetEnvForTests();
    expect(isRecentSignIn(session({ auth_time: NOW / 1000 - 600 }), NOW)).toBe(true);
    expect(() => requireRecentSignIn(session({ auth_time: NOW / 1000 - 601 }), NOW)).toThrow(expect.objectContaining({ status: 403, code: 'reauth_required' }));
  });

  it('never counts a personal API token (a scope, no auth_time) as recent; a narrowed sign-in keeps its auth_time', () => {
    expect(isRecentSignIn(session({ scope: 'profile:read' }), NOW)).toBe(false);
    expect(() => requireRecentSignIn(session({ scope: 'profile:read' }), NOW)).toThrow(/API token/);
    expect(isRecentSignIn(session({ auth_time: NOW / 1000, scope: 'profile:read' }), NOW)).toBe(true);
  });
});

describe('secret box', () => {
  it('round-trips, differs every time, and refuses another purpose, another key or a tampered box', () => {
    const a = seal('JBSWY3DPEHPK3PXP', 'totp-secret');
    expect(a).not.toBe(seal('JBSWY3DPEHPK3PXP', 'totp-secret'));
    expect(unseal(a, 'totp-secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => unseal(a, 'other')).toThrow();
    expect(() => unseal(a, 'totp-secret', 'another-secret-of-enough-length-0123456789')).toThrow();
    const [v, iv, body, tag] = a.split('.');
    expect(() => unseal([v, iv, body!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), tag].join('.'), 'totp-secret')).toThrow();
  });
});

describe('TOTP', () => {
  const secret = new Secret({ size: 20 }).base32;
  const code = (atMs: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: atMs });
  const step = Math.floor(NOW / 30_000);

  it('matches the current step and one either side, nothing further', () => {
    expect(matchingStep(secret, code(NOW), NOW)).toBe(step);
    expect(matchingStep(secret, code(NOW - 30_000), NOW)).toBe(step - 1);
    expect(matchingStep(secret, code(NOW + 30_000), NOW)).toBe(step + 1);
    expect(matchingStep(secret, code(NOW - 90_000), NOW)).toBeNull();
    expect(matchingStep(secret, 'abcdef', NOW)).toBeNull();
  });
});

describe('recovery codes and amr', () => {
  it('ignores case, spaces and dashes when a recovery code is typed back, and reads o, i, l as 0, 1, 1', () => {
    expect(normaliseRecoveryCode(' ABCDE-fghjk ')).toBe('abcdefghjk');
    expect(normaliseRecoveryCode('OIL0-1abc')).toBe('01101abc');
    expect(hashRecoveryCode('u', 'abcd-efgh-jkmn-pqrs')).toBe(hashRecoveryCode('u', ' ABCD EFGH JKMNPQRS'));
  });

  it('makes codes of 80 random bits: 16 base32 characters in groups of four, no look-alikes', () => {
    const codes = Array.from({ length: 2000 }, newRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every character of the 32-letter alphabet turns up in every position (no bias to a subset):
    // 2000 draws miss a given character in a given position with probability (31/32)^2000 ≈ 3e-28.
    const plain = codes.map((code) => code.replace(/-/g, ''));
    for (let at = 0; at < 16; at++) expect(new Set(plain.map((code) => code[at])).size).toBe(32);
  });

  it('stores a code hashed with its user: not the plain hash of the code, and not the same for two users', () => {
    const code = newRecoveryCode();
    const stored = hashRecoveryCode('user-1', code);
    expect(stored).toMatch(/^v2\.[0-9a-f]{64}$/);
    expect(stored.slice(3)).not.toBe(createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex'));
    expect(hashRecoveryCode('user-2', code)).not.toBe(stored);
    expect(hashRecoveryCode('user-1', code)).toBe(stored);
  });

  it('says how a session signed in', () => {
    expect(describeAmr(['pwd', 'otp', 'mfa'])).toBe('password + one-time code (two factors)');
    expect(describeAmr(['swk'])).toBe('passkey (synced)');
    expect(describeAmr(undefined)).toBe('password');
  });
});
