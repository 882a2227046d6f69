// Token verification at the exact edges of its rules, where an off-by-one would let one more token
// through: the size limit, the kid length, auth_time and amr, the memo's expiry to the
// millisecond. jwt.cases.ts covers each rule's ordinary refusals; these pin the limits themselves.
// Forged tokens are signed with the real secret, so only the claim check can refuse them.
import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { API_TOKEN_MAX_TTL_SECONDS, MAX_TOKEN_LENGTH, MEMO_LIMIT, TOKEN_TYPES, clearVerifyMemo, signToken, tokenLifetime, verifyToken } from './jwt';
import { resetKeysForTests } from './keys';
import { uuidv7 } from './uuid';

const now = () => Math.floor(Date.now() / 1000);

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = now();
  return { iss: 'jwt-cookie-shop', aud: 'jwt-cookie-shop', sub: 'user-1', sid: uuidv7(), jti: uuidv7(), iat, exp: iat + 900, ...overrides };
}

async function forge(payload: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: TOKEN_TYPES.access, ...header } as never)
    .sign(new TextEncoder().encode(process.env.AUTH_SECRET!));
}

const accepted = async (token: string) => (await verifyToken('access', token)).ok;

const secret = process.env.AUTH_SECRET;

beforeEach(() => {
  resetEnvForTests();
  resetKeysForTests();
  clearVerifyMemo();
});

afterEach(() => {
  process.env.AUTH_SECRET = secret;
  resetEnvForTests();
  resetKeysForTests();
});

describe('size and header limits', () => {
  it(`accepts a good token of exactly ${MAX_TOKEN_LENGTH} characters, refuses one a character longer`, async () => {
    // Base64url skips some lengths; a kid of 1 to 4 characters shifts the header until one fits.
    let exact: string | undefined;
    let longer: string | undefined;
    for (let kid = 1; kid <= 4 && !(exact && longer); kid++) {
      for (let pad = 2800; pad < 3200 && !(exact && longer); pad++) {
        const token = await forge(claims({ pad: 'x'.repeat(pad) }), { kid: 'k'.repeat(kid) });
        if (token.length === MAX_TOKEN_LENGTH) exact ??= token;
        if (token.length === MAX_TOKEN_LENGTH + 1) longer ??= token;
      }
    }
    expect(exact?.length).toBe(MAX_TOKEN_LENGTH);
    expect(await accepted(exact!)).toBe(true);
    expect(await verifyToken('access', longer!)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('accepts a kid of 64 characters, refuses 65 (and a kid that is not a string)', async () => {
    expect(await accepted(await forge(claims(), { kid: 'k'.repeat(64) }))).toBe(true);
    expect(await verifyToken('access', await forge(claims(), { kid: 'k'.repeat(65) }))).toEqual({ ok: false, reason: 'invalid' });
    expect(await accepted(await forge(claims(), { kid: ['k'] }))).toBe(false);
  });
});

describe('auth_time and amr', () => {
  it('accepts auth_time up to 5 s after iat (clock tolerance), refuses 6 s, a fraction, or a string', async () => {
    const iat = now();
    expect(await accepted(await forge(claims({ iat, exp: iat + 900, auth_time: iat + 5 })))).toBe(true);
    expect(await accepted(await forge(claims({ iat, exp: iat + 900, auth_time: iat - 100 })))).toBe(true);
    expect(await accepted(await forge(claims({ iat, exp: iat + 900, auth_time: iat + 6 })))).toBe(false);
    expect(await accepted(await forge(claims({ iat, exp: iat + 900, auth_time: iat - 0.5 })))).toBe(false);
    expect(await accepted(await forge(claims({ iat, exp: iat + 900, auth_time: String(iat) })))).toBe(false);
  });

  it('accepts amr listing up to the six known methods, refuses a seventh entry, an unknown one, or a non-list', async () => {
    const all = ['pwd', 'otp', 'hwk', 'swk', 'fed', 'mfa'];
    const result = await verifyToken('access', await forge(claims({ amr: all })));
    expect(result.ok && result.claims.amr).toEqual(all);
    expect(await accepted(await forge(claims({ amr: [...all, 'pwd'] })))).toBe(false);
    expect(await accepted(await forge(claims({ amr: ['pwd', 'root'] })))).toBe(false);
    expect(await accepted(await forge(claims({ amr: 'pwd' })))).toBe(false);
  });

  it('hands back exactly the claims it checked, nothing it did not', async () => {
    const iat = now();
    const base = claims({ iat, exp: iat + 900 });
    const result = await verifyToken('access', await forge({ ...base, scope: 'cart:read', extra: 'ignored' }));
    expect(result).toEqual({ ok: true, claims: { sub: 'user-1', sid: base.sid, jti: base.jti, iat, exp: iat + 900, scope: 'cart:read' } });
    expect(Object.keys(result.ok ? result.claims : {}).sort()).toEqual(['exp', 'iat', 'jti', 'scope', 'sid', 'sub']);
  });

  it('hands back no scope member at all for a token without one (a sign-in is not "scope: undefined")', async () => {
    const result = await verifyToken('access', await forge(claims()));
    expect(result.ok && Object.keys(result.claims).sort()).toEqual(['exp', 'iat', 'jti', 'sid', 'sub']);
  });
});

describe('the verification memo', () => {
  it('refuses at exactly exp + 5 s, to the millisecond, whether memoised or not', async () => {
    const issuedAt = Date.UTC(2030, 0, 1, 12, 0, 0);
    const { token, claims: issued } = await signToken('access', { sub: 'user-1', sid: uuidv7(issuedAt) }, issuedAt);
    const lastGood = (issued.exp + 5) * 1000 - 1;
    const firstBad = (issued.exp + 5) * 1000;
    // Not memoised: jose's own check.
    expect((await verifyToken('access', token, lastGood)).ok).toBe(true);
    clearVerifyMemo();
    expect(await verifyToken('access', token, firstBad)).toEqual({ ok: false, reason: 'expired' });
    // Memoised: the same bound.
    expect((await verifyToken('access', token, issuedAt)).ok).toBe(true);
    expect((await verifyToken('access', token, lastGood)).ok).toBe(true);
    expect(await verifyToken('access', token, firstBad)).toEqual({ ok: false, reason: 'expired' });
  });

  it('a refusal carries only ok and the coarse reason (the precise code is for the /learn page)', async () => {
    expect(await verifyToken('access', await forge(claims({ iss: 'someone-else' })))).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyToken('access', 'x.y')).toEqual({ ok: false, reason: 'malformed' });
  });

  // The memo is bounded so that a flood of distinct valid tokens cannot grow the process without
  // end; the oldest entry goes first. Whether a token is still memoised shows after the secret
  // changes: a memoised token is still accepted (its signature is not checked again), an evicted
  // one is verified anew and refused. Twenty thousand signatures made and checked: about a second
  // on a fast machine, more than the default five on a slow one with the other suites beside it.
  it(`holds at most ${MEMO_LIMIT} tokens, dropping the oldest first`, async () => {
    const iat = now();
    const tokens = await Promise.all(Array.from({ length: MEMO_LIMIT + 1 }, () => forge(claims({ iat, exp: iat + 900 }))));
    const [oldest, second, ...rest] = tokens as [string, string, ...string[]];
    // Exactly full: the oldest is still there.
    for (const token of [oldest, second, ...rest.slice(0, MEMO_LIMIT - 2)]) expect(await accepted(token)).toBe(true);
    const newest = rest[MEMO_LIMIT - 2]!;
    expect(await accepted(newest)).toBe(true); // one past full: the oldest goes, and only it
    process.env.AUTH_SECRET = 'another-test-only-secret-of-forty-eight-chars-000';
    resetEnvForTests();
    resetKeysForTests();
    expect(await accepted(oldest)).toBe(false);
    expect(await accepted(second)).toBe(true);
    expect(await accepted(newest)).toBe(true);
  }, 30_000);

  it('is emptied by clearVerifyMemo: a token of a secret since changed is then refused', async () => {
    const { token } = await signToken('access', { sub: 'user-1', sid: uuidv7() });
    expect(await accepted(token)).toBe(true);
    process.env.AUTH_SECRET = 'another-test-only-secret-of-forty-eight-chars-000';
    resetEnvForTests();
    resetKeysForTests();
    expect(await accepted(token)).toBe(true); // memoised: the signature is not checked again
    clearVerifyMemo();
    expect(await accepted(token)).toBe(false);
  });
});

// The lifetime bound: a sign-in access token lives AUTH_ACCESS_TTL at most, whatever its exp says;
// only a personal API token (a scope, no auth_time) may live longer, up to API_TOKEN_MAX_TTL_SECONDS,
// and it must still work long after it was issued. (A token we signed wrongly, or with a leaked key
// and a far exp, dies here.)
describe('the lifetime bound', () => {
  it('refuses a sign-in access token whose exp is one second past AUTH_ACCESS_TTL, and accepts one at it', async () => {
    const ttl = tokenLifetime('access');
    const iat = now();
    expect(await accepted(await forge(claims({ iat, exp: iat + ttl })))).toBe(true);
    expect(await verifyToken('access', await forge(claims({ iat, exp: iat + ttl + 1 })))).toEqual({ ok: false, reason: 'invalid' });
    // A sign-in token narrowed to a scope at the token endpoint has auth_time: still a sign-in token.
    expect((await verifyToken('access', await forge(claims({ iat, exp: iat + 86_400, scope: 'cart:read', auth_time: iat })))).ok).toBe(false);
  });

  it('accepts an API token issued a month ago for a year, and refuses one a second longer than the maximum', async () => {
    const iat = now() - 30 * 86_400;
    expect(await accepted(await forge(claims({ iat, exp: iat + API_TOKEN_MAX_TTL_SECONDS, scope: 'cart:read' })))).toBe(true);
    expect((await verifyToken('access', await forge(claims({ iat, exp: iat + API_TOKEN_MAX_TTL_SECONDS + 1, scope: 'cart:read' })))).ok).toBe(false);
  });

  it('never lets a refresh token live past AUTH_REFRESH_TTL, even with a scope', async () => {
    const ttl = tokenLifetime('refresh');
    const iat = now();
    const refresh = (payload: Record<string, unknown>) => forge(payload, { typ: TOKEN_TYPES.refresh });
    expect((await verifyToken('refresh', await refresh(claims({ iat, exp: iat + ttl })))).ok).toBe(true);
    expect((await verifyToken('refresh', await refresh(claims({ iat, exp: iat + ttl + 1, scope: 'cart:read' })))).ok).toBe(false);
  });
});
