// Clock tolerance between machines is 5 seconds, no more: a token that expired 4 s ago is still
// accepted, one that expired 6 s ago is refused as expired, with and without the verify memo.
// The numbers are written out here on purpose (not computed from CLOCK_TOLERANCE_SECONDS), so
// that raising the constant fails this test instead of moving its expectations along.
import { beforeEach, describe, expect, it } from 'vitest';
import { clearVerifyMemo, signToken, tokenLifetime, verifyToken } from './jwt';

beforeEach(() => clearVerifyMemo());

const issuedAt = Date.UTC(2030, 0, 1, 12, 0, 0);

describe('clock tolerance', () => {
  it.each(['access', 'refresh'] as const)('%s: accepted 4 s after exp, refused 6 s after (fresh verification)', async (kind) => {
    const { token, claims } = await signToken(kind, { sub: 'user-1', sid: '0190a000-0000-7000-8000-000000000001' }, issuedAt);
    expect(claims.exp).toBe(issuedAt / 1000 + tokenLifetime(kind));
    expect((await verifyToken(kind, token, (claims.exp + 4) * 1000)).ok).toBe(true);
    clearVerifyMemo();
    expect(await verifyToken(kind, token, (claims.exp + 6) * 1000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('the memo keeps the same bound: verified once, still refused 6 s after exp', async () => {
    const { token, claims } = await signToken('access', { sub: 'user-1', sid: '0190a000-0000-7000-8000-000000000002' }, issuedAt);
    expect((await verifyToken('access', token, issuedAt + 1000)).ok).toBe(true);
    expect((await verifyToken('access', token, (claims.exp + 4) * 1000)).ok).toBe(true);
    expect(await verifyToken('access', token, (claims.exp + 6) * 1000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('a token issued 4 s in the future is accepted, 6 s in the future is not', async () => {
    const { token: soon } = await signToken('access', { sub: 'user-1', sid: '0190a000-0000-7000-8000-000000000003' }, issuedAt + 4000);
    expect((await verifyToken('access', soon, issuedAt)).ok).toBe(true);
    const { token: later } = await signToken('access', { sub: 'user-1', sid: '0190a000-0000-7000-8000-000000000004' }, issuedAt + 6000);
    expect((await verifyToken('access', later, issuedAt)).ok).toBe(false);
  });
});
