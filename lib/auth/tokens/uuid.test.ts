import { describe, expect, it } from 'vitest';
import { isUuidv7, uuidv7, uuidv7Time } from './uuid';

describe('uuidv7', () => {
  it('has the RFC 9562 version-7 layout', () => {
    for (let i = 0; i < 200; i++) {
      const id = uuidv7();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(isUuidv7(id)).toBe(true);
    }
  });

  it('carries its issue time to the millisecond', () => {
    for (const ms of [0, 1, 1_700_000_000_123, 1_700_000_000_999, Date.now(), 2 ** 48 - 1]) {
      expect(uuidv7Time(uuidv7(ms))).toBe(ms);
    }
  });

  it('sorts by time across milliseconds', () => {
    const base = 1_750_000_000_000;
    const ids = [uuidv7(base + 2), uuidv7(base), uuidv7(base + 1000), uuidv7(base + 1)];
    expect([...ids].sort()).toEqual([ids[1], ids[3], ids[0], ids[2]]);
  });

  it('is random within one millisecond (no two ids collide)', () => {
    const ms = Date.now();
    const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(ms)));
    expect(ids.size).toBe(1000);
  });

  it('refuses anything that is not a lower-case UUIDv7', () => {
    const v7 = uuidv7();
    for (const value of [
      '',
      'not-a-uuid',
      '123e4567-e89b-42d3-a456-426614174000', // v4
      v7.toUpperCase(),
      v7.replace(/-/g, ''),
      `${v7} `,
      `${v7}0`,
      v7.slice(0, 19) + 'c' + v7.slice(20), // wrong variant
    ]) {
      expect(isUuidv7(value), value).toBe(false);
      expect(uuidv7Time(value)).toBeNull();
    }
  });

  it('refuses what is not a string, even one that would print as a UUIDv7 (a claim could be any JSON)', () => {
    const v7 = uuidv7();
    for (const value of [42, null, undefined, [v7], { toString: () => v7 }]) expect(isUuidv7(value), String(value)).toBe(false);
  });
});
