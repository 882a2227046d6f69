// Unit rules of strong sign-in: the step-up window, the secret box, TOTP steps, recovery codes
// and amr in words.
import { Secret, TOTP } from 'otpauth';
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { describeAmr } from './amr';
import type { TokenClaims } from './tokens';
import { hashRecoveryCode, normaliseRecoveryCode } from './recovery-codes';
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
  it('ignores case, spaces and dashes when a recovery code is typed back', () => {
    expect(normaliseRecoveryCode(' ABCDE-fghjk ')).toBe('abcdefghjk');
    expect(hashRecoveryCode('abcde-fghjk')).toBe(hashRecoveryCode('ABCDE FGHJK'));
  });

  it('says how a session signed in', () => {
    expect(describeAmr(['pwd', 'otp', 'mfa'])).toBe('password + one-time code (two factors)');
    expect(describeAmr(['swk'])).toBe('passkey (synced)');
    expect(describeAmr(undefined)).toBe('password');
  });
});
