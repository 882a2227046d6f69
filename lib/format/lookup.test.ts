import { describe, expect, it } from 'vitest';
import { ownEntry } from './lookup';

describe('ownEntry', () => {
  const table: Record<string, string> = { saved: 'Saved.' };

  it('finds the table’s own entries', () => {
    expect(ownEntry(table, 'saved')).toBe('Saved.');
  });

  it('finds nothing every object inherits, nor a key that is not one string', () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'missing']) expect(ownEntry(table, key), key).toBeUndefined();
    for (const key of [undefined, ['saved'], 1]) expect(ownEntry(table, key)).toBeUndefined();
  });
});
