// The `oidc` flow cookie: sealed so the browser can neither read nor change it, and dead after
// 10 minutes.
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { FLOW_TTL_SECONDS, clearedFlowCookie, flowCookie, flowCookieName, openFlow, sealFlow, type FlowState } from './flow-cookie';

const flow: FlowState = {
  provider: 'oidc',
  state: 'state-0123456789abcdefghij',
  nonce: 'nonce-0123456789abcdefghij',
  verifier: 'v'.repeat(43),
  next: '/orders',
  mode: 'signin',
  startedAt: 1_800_000_000,
};

afterEach(() => {
  resetEnvForTests();
});

describe('oidc flow cookie', () => {
  it('round-trips and hides its content', async () => {
    const sealed = await sealFlow(flow);
    expect(sealed).not.toContain('state-0123');
    expect(Buffer.from(sealed.split('.')[3] ?? '', 'base64url').toString()).not.toContain('nonce');
    expect(await openFlow(sealed)).toEqual(flow);
  });

  it('refuses a changed byte, a missing value and garbage', async () => {
    const sealed = await sealFlow(flow);
    const parts = sealed.split('.');
    const ciphertext = parts[3]!;
    parts[3] = (ciphertext[0] === 'A' ? 'B' : 'A') + ciphertext.slice(1);
    expect(await openFlow(parts.join('.'))).toBeNull();
    expect(await openFlow(undefined)).toBeNull();
    expect(await openFlow('not-a-jwe')).toBeNull();
    expect(await openFlow('x'.repeat(5000))).toBeNull();
  });

  it('dies after 10 minutes', async () => {
    const now = Date.now();
    const sealed = await sealFlow(flow, now);
    expect(await openFlow(sealed, now + (FLOW_TTL_SECONDS - 5) * 1000)).not.toBeNull();
    expect(await openFlow(sealed, now + (FLOW_TTL_SECONDS + 5) * 1000)).toBeNull();
  });

  it('is refused under another AUTH_SECRET', async () => {
    const sealed = await sealFlow(flow);
    const previous = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = 'another-test-secret-with-enough-entropy-987654321';
    resetEnvForTests();
    try {
      expect(await openFlow(sealed)).toBeNull();
    } finally {
      process.env.AUTH_SECRET = previous;
    }
  });

  it('is httpOnly, Lax, scoped to the flow routes, 10 minutes; __Secure- over HTTPS; cleared with Max-Age=0', () => {
    expect(flowCookie('v', false)).toEqual({
      name: 'oidc',
      value: 'v',
      options: { httpOnly: true, secure: false, sameSite: 'lax', path: '/', maxAge: 600 },
    });
    expect(flowCookieName(true)).toBe('__Host-oidc');
    expect(flowCookie('v', true).options.secure).toBe(true);
    expect(clearedFlowCookie(true)).toMatchObject({ name: '__Host-oidc', value: '', options: { maxAge: 0, path: '/' } });
  });
});
