import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

const from = (headers: Record<string, string>) => new Headers(headers);

describe('clientAddress', () => {
  it('is unknown without a trusted proxy, whatever the headers say', () => {
    expect(clientAddress(from({ 'x-forwarded-for': '203.0.113.7' }), false)).toBeNull();
  });

  it('behind a trusted proxy, believes the right-most X-Forwarded-For entry only', () => {
    expect(clientAddress(from({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7' }), true)).toBe('203.0.113.7');
  });

  it('never X-Real-IP: a proxy that sets it may pass the client’s own X-Forwarded-For through', () => {
    expect(clientAddress(from({ 'x-real-ip': '203.0.113.7' }), true)).toBeNull();
    expect(clientAddress(from({ 'x-real-ip': '203.0.113.7', 'x-forwarded-for': '198.51.100.9' }), true)).toBe('198.51.100.9');
  });

  it('refuses what is not shaped like an address', () => {
    for (const forged of ['not-an-ip', '1.2.3', '1'.repeat(65), '']) expect(clientAddress(from({ 'x-forwarded-for': forged }), true), forged).toBeNull();
  });
});
