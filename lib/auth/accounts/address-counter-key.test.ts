import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { addressCounterKey } = await import('./rate-limit');

describe('addressCounterKey', () => {
  it('counts an IPv4 address by itself, an IPv4-mapped one as the same address', () => {
    expect(addressCounterKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressCounterKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressCounterKey('203.0.113.8')).not.toBe(addressCounterKey('203.0.113.7'));
  });

  it('counts IPv6 by the /64 a client is handed: rotating inside it is one counter', () => {
    const key = addressCounterKey('2001:db8:1:2::1');
    expect(key).toBe('2001:db8:1:2::/64');
    expect(addressCounterKey('2001:DB8:1:2:ffff:ffff:ffff:ffff')).toBe(key);
    expect(addressCounterKey('2001:db8:1:3::1')).not.toBe(key);
  });

  it('puts every text that is no address on one counter, so varying it buys nothing', () => {
    expect(new Set([':::', '::::', '1:2:3', 'ffff:::'].map(addressCounterKey))).toEqual(new Set(['unparsed']));
  });
});
