import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import type { Session } from './session';
import { requireRecentSignIn } from './step-up';
import { uuidv7 } from './tokens';

const NOW = Date.UTC(2026, 0, 1, 12);
const session = (claims: Partial<Session['claims']> & { auth_time?: number }, signInMs = NOW): Session => ({
  user: { id: 'u', email: 'u@example.test', name: 'U', emailVerified: true },
  claims: { sub: 'u', sid: uuidv7(signInMs), jti: uuidv7(NOW), iat: NOW / 1000, exp: NOW / 1000 + 900, ...claims } as Session['claims'],
  via: 'cookie',
});

describe('requireRecentSignIn (step-up)', () => {
  afterEach(() => {
    delete process.env.AUTH_STEP_UP_MAX_AGE;
    resetEnvForTests();
  });

  it('accepts auth_time up to AUTH_STEP_UP_MAX_AGE (default 600 s) old and refuses one second more', () => {
    expect(() => requireRecentSignIn(session({ auth_time: NOW / 1000 - 600 }), NOW)).not.toThrow();
    expect(() => requireRecentSignIn(session({ auth_time: NOW / 1000 - 601 }), NOW)).toThrow(expect.objectContaining({ status: 403, code: 'reauth_required' }));
  });

  it('reads a token without auth_time as its family creation time (the sid)', () => {
    expect(() => requireRecentSignIn(session({}, NOW - 599_000), NOW)).not.toThrow();
    expect(() => requireRecentSignIn(session({}, NOW - 601_000), NOW)).toThrow(expect.objectContaining({ code: 'reauth_required' }));
  });

  it('says how recent a sign-in must be (WWW-Authenticate, max_age)', () => {
    expect(() => requireRecentSignIn(session({ auth_time: NOW / 1000 - 601 }), NOW)).toThrow(
      expect.objectContaining({ headers: { 'WWW-Authenticate': 'Bearer error="insufficient_user_authentication", max_age="600"' } }),
    );
  });

  it('follows AUTH_STEP_UP_MAX_AGE', () => {
    process.env.AUTH_STEP_UP_MAX_AGE = '60';
    resetEnvForTests();
    expect(() => requireRecentSignIn(session({ auth_time: NOW / 1000 - 61 }), NOW)).toThrow(expect.objectContaining({ code: 'reauth_required' }));
  });

  it('never counts a personal API token (a scope and no auth_time) as a recent sign-in, however new its sid', () => {
    expect(() => requireRecentSignIn(session({ scope: 'profile:read' }), NOW)).toThrow(expect.objectContaining({ code: 'reauth_required' }));
  });

  it('judges a sign-in narrowed at the token endpoint (a scope and an auth_time) by its auth_time', () => {
    expect(() => requireRecentSignIn(session({ scope: 'profile:read', auth_time: NOW / 1000 }), NOW)).not.toThrow();
    expect(() => requireRecentSignIn(session({ scope: 'profile:read', auth_time: NOW / 1000 - 601 }), NOW)).toThrow(
      expect.objectContaining({ code: 'reauth_required' }),
    );
  });
});
