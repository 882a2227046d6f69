import { describe, expect, it } from 'vitest';
import { isIssuedBefore } from './revocation';
import { uuidv7 } from './uuid';

const token = (ms: number) => ({ jti: uuidv7(ms), iat: Math.floor(ms / 1000) });

describe('isIssuedBefore (sign-out everywhere)', () => {
  // A sign-out everywhere at .500 of some second; tokens at .100 and .900 share its `iat`.
  const second = 1_750_000_123_000;
  const signOutAt = new Date(second + 500);
  const before = token(second + 100);
  const after = token(second + 900);

  it('the tokens really are in the same second (so iat alone cannot tell them apart)', () => {
    expect(before.iat).toBe(after.iat);
    expect(before.iat).toBe(Math.floor(signOutAt.getTime() / 1000));
  });

  it('kills a token issued earlier in the same second', () => {
    expect(isIssuedBefore(before, signOutAt)).toBe(true);
  });

  it('spares a sign-in made later in the same second', () => {
    expect(isIssuedBefore(after, signOutAt)).toBe(false);
  });

  it('is exact to the millisecond (a token of the very same millisecond dies)', () => {
    expect(isIssuedBefore(token(second + 499), signOutAt)).toBe(true);
    expect(isIssuedBefore(token(second + 500), signOutAt)).toBe(true);
    expect(isIssuedBefore(token(second + 501), signOutAt)).toBe(false);
  });

  it('kills tokens from earlier seconds and spares later ones', () => {
    expect(isIssuedBefore(token(second - 60_000), signOutAt)).toBe(true);
    expect(isIssuedBefore(token(second + 60_000), signOutAt)).toBe(false);
  });

  it('spares every token when no sign-out everywhere happened (epoch)', () => {
    expect(isIssuedBefore(token(Date.now()), new Date(0))).toBe(false);
  });

  it('falls back to iat (whole seconds, conservatively) when the jti carries no time', () => {
    const legacy = { jti: 'legacy-id', iat: Math.floor(second / 1000) };
    expect(isIssuedBefore(legacy, signOutAt)).toBe(true);
    expect(isIssuedBefore({ ...legacy, iat: legacy.iat + 1 }, signOutAt)).toBe(false);
  });
});
