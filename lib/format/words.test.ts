import { describe, expect, it } from 'vitest';
import { count, otherSignInsEnded } from './words';

describe('counted phrases', () => {
  it('says one and many the way people do', () => {
    expect(count(1, 'item')).toBe('1 item');
    expect(count(0, 'item')).toBe('0 items');
    expect(count(3, 'entry', 'entries')).toBe('3 entries');
  });
  it('never writes "0 other sign-in(s) ended"', () => {
    expect(otherSignInsEnded(0)).toBe('No other device was signed in.');
    expect(otherSignInsEnded(1)).toBe('1 other sign-in ended.');
    expect(otherSignInsEnded(2)).toBe('2 other sign-ins ended.');
  });
});
