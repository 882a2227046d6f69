import { describe, expect, it } from 'vitest';
import { signToken, tokenLifetime } from '@/lib/auth/tokens';
import { uuidv7 } from '@/lib/auth/tokens';
import { accessCookieView } from './cookie-view';
import { REJECTION_EXPLANATIONS } from './rejections';
import { verifyEditedPayload } from './tamper';
import { verifyEditSchema } from './verify-schema';
import { decodeSegment, decodeToken, describeClaims, encodeSegment, sameJson, splitToken, withPayload } from './token-anatomy';

async function realToken(nowMs = Date.now()) {
  return signToken('access', { sub: 'user-1', sid: uuidv7(nowMs) }, nowMs);
}

describe('splitting and decoding', () => {
  it('splits a compact token into its three parts and decodes header and payload', async () => {
    const { token, claims } = await realToken();
    const parts = splitToken(token)!;
    expect([parts.header, parts.payload, parts.signature].join('.')).toBe(token);
    const decoded = decodeToken(token)!;
    expect(decoded.header).toMatchObject({ alg: 'HS256', typ: 'at+jwt' });
    expect(decoded.payload).toMatchObject({ sub: 'user-1', sid: claims.sid, jti: claims.jti, iat: claims.iat, exp: claims.exp });
  });

  it('refuses what is not three base64url parts of JSON objects', () => {
    expect(splitToken('a.b')).toBeNull();
    expect(splitToken('a.b.c.d')).toBeNull();
    expect(splitToken('a+b.c.d')).toBeNull();
    expect(decodeToken('a.b.c')).toBeNull();
    expect(decodeSegment(encodeSegment({ a: 1 }))).toEqual({ a: 1 });
    expect(decodeSegment('WzFd')).toBeNull(); // [1]: JSON, but not an object
  });

  it('compares payloads regardless of key order', () => {
    expect(sameJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });

  it('swaps the payload and keeps header and signature', async () => {
    const { token } = await realToken();
    const swapped = withPayload(token, { sub: 'someone-else' })!;
    const [h, , s] = token.split('.');
    expect(swapped.split('.')[0]).toBe(h);
    expect(swapped.split('.')[2]).toBe(s);
    expect(decodeToken(swapped)!.payload).toEqual({ sub: 'someone-else' });
  });
});

describe('claim explanations', () => {
  it('explains every registered claim and shows NumericDates as instants', async () => {
    const { token, claims } = await realToken();
    const { header, payload } = decodeToken(token)!;
    const rows = describeClaims(header, payload);
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['alg', 'typ', 'iss', 'aud', 'sub', 'iat', 'exp', 'jti', 'sid']));
    for (const row of rows) expect(row.meaning).not.toBe('Not a claim this app sets or reads.');
    expect(rows.slice(0, 2).every((r) => r.part === 'header')).toBe(true);
    expect(rows.find((r) => r.name === 'exp')!.instant).toBe(new Date(claims.exp * 1000).toISOString());
    expect(rows.find((r) => r.name === 'sub')!.value).toBe('"user-1"');
  });

  it('marks unknown claims, and a claim in the wrong part, as not ours', () => {
    const rows = describeClaims({ sub: 'x' }, { admin: true });
    expect(rows.every((r) => r.meaning === 'Not a claim this app sets or reads.')).toBe(true);
  });

  it('has an explanation for every rejection code', () => {
    for (const { title, explanation } of Object.values(REJECTION_EXPLANATIONS)) {
      expect(title.length).toBeGreaterThan(3);
      expect(explanation.length).toBeGreaterThan(10);
    }
  });
});

describe('the tamper demo', () => {
  it('rejects an edited sub with reason "signature" and returns the tampered token', async () => {
    const { token } = await realToken();
    const payload = { ...decodeToken(token)!.payload, sub: 'someone-else' };
    const outcome = await verifyEditedPayload(token, payload);
    expect(outcome).toMatchObject({ changed: true, valid: false, reason: 'signature' });
    if (!outcome.changed) throw new Error('unreachable');
    expect(outcome.explanation).toMatch(/signature/i);
    expect(outcome.token).toBe(withPayload(token, payload));
    expect(outcome.token).not.toBe(token);
  });

  it('rejects an extended exp for the signature, before it ever looks at the lifetime', async () => {
    const { token } = await realToken();
    const original = decodeToken(token)!.payload;
    const outcome = await verifyEditedPayload(token, { ...original, exp: (original.exp as number) + 365 * 86400 });
    expect(outcome).toMatchObject({ changed: true, valid: false, reason: 'signature' });
  });

  it('accepts the unchanged payload, whatever its key order', async () => {
    const { token } = await realToken();
    const original = decodeToken(token)!.payload;
    const reordered = Object.fromEntries(Object.entries(original).reverse());
    expect(await verifyEditedPayload(token, reordered)).toEqual({ changed: false, valid: true });
  });

  it('reports an unchanged but expired token as expired', async () => {
    const issuedMs = Date.now() - 3600_000;
    const { token } = await realToken(issuedMs);
    const outcome = await verifyEditedPayload(token, decodeToken(token)!.payload);
    expect(outcome).toMatchObject({ changed: false, valid: false, reason: 'expired' });
  });

  it('limits the size of an edited payload and insists on an object', () => {
    expect(verifyEditSchema.safeParse({ payload: { sub: 'x' } }).success).toBe(true);
    expect(verifyEditSchema.safeParse({ payload: { big: 'x'.repeat(3000) } }).success).toBe(false);
    expect(verifyEditSchema.safeParse({ payload: [1, 2] }).success).toBe(false);
    expect(verifyEditSchema.safeParse({ token: 'a.b.c' }).success).toBe(false);
  });
});

describe('the cookie as the server sets it', () => {
  it('over HTTP: plain name, HttpOnly, SameSite=Lax, Path=/, Max-Age of the access token', () => {
    const view = accessCookieView(false);
    expect(view.name).toBe('access');
    expect(view.setCookie).toBe(`access=…; Path=/; Max-Age=${tokenLifetime('access')}; HttpOnly; SameSite=Lax`);
  });

  it('over HTTPS: the __Host- name and Secure', () => {
    const view = accessCookieView(true);
    expect(view.name).toBe('__Host-access');
    expect(view.setCookie).toContain('; Secure');
  });
});
