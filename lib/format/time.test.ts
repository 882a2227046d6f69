import { describe, expect, it } from 'vitest';
import { formatTimestamp, validTimeZone } from './time';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const at = (iso: string, timeZone: string | null = null) => formatTimestamp(iso, { nowMs: NOW, timeZone });

describe('formatTimestamp', () => {
  it('says recent moments relatively, both ways', () => {
    expect(at('2026-11-30T11:59:40Z').text).toBe('just now');
    expect(at('2026-11-30T11:58:00Z').text).toBe('2 min ago');
    expect(at('2026-11-30T12:14:00Z').text).toBe('in 14 min');
    expect(at('2026-11-30T09:00:00Z').text).toBe('3 hours ago');
    expect(at('2026-11-30T11:00:00Z').text).toBe('1 hour ago');
  });

  it('gives older moments a date in the viewer zone, and says UTC when the zone is unknown', () => {
    expect(at('2026-11-20T08:05:00Z').text).toBe('20 Nov 2026, 08:05 UTC');
    expect(at('2026-11-20T08:05:00Z', 'Europe/Paris').text).toBe('20 Nov 2026, 09:05');
    expect(at('2026-11-20T08:05:00Z', 'America/New_York').text).toBe('20 Nov 2026, 03:05');
  });

  it('always has the exact moment with its zone for the title', () => {
    expect(at('2026-11-30T11:58:00Z', 'Europe/Paris').exact).toMatch(/Monday,? 30 November 2026 at 12:58:00 (CET|GMT\+1)/);
    expect(at('2026-11-30T11:58:00Z').exact).toMatch(/11:58:00 UTC/);
  });
});

describe('formatTimestamp without the relative form', () => {
  it('gives the date and time even for a recent moment (beside a countdown that already says "in 14 min")', () => {
    expect(formatTimestamp('2026-11-30T12:14:00Z', { nowMs: NOW, timeZone: 'Europe/Paris', relativeAllowed: false }).text).toBe('30 Nov 2026, 13:14');
  });
});

describe('validTimeZone', () => {
  it('accepts IANA names and refuses anything else', () => {
    expect(validTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(validTimeZone('Not/AZone')).toBeNull();
    expect(validTimeZone('')).toBeNull();
    expect(validTimeZone(undefined)).toBeNull();
    expect(validTimeZone('x'.repeat(65))).toBeNull();
  });
});

describe('time zones from the cookie (user input)', () => {
  it('reads a zone the runtime does not know as UTC, and says so', () => {
    expect(at('2026-11-20T08:05:00Z', 'Not/AZone').text).toBe('20 Nov 2026, 08:05 UTC');
    expect(at('2026-11-20T08:05:00Z', 'UTC').text).toBe('20 Nov 2026, 08:05');
  });

  it('keeps answering right after a flood of distinct names, good and bad, and case variants', () => {
    for (let i = 0; i < 1_000; i++) {
      expect(validTimeZone(`Bad/Zone${i}`)).toBeNull();
      validTimeZone(i % 2 ? 'europe/paris' : 'EUROPE/PARIS');
    }
    expect(validTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(validTimeZone('Bad/Zone1')).toBeNull();
    expect(at('2026-11-20T08:05:00Z', 'Europe/Paris').text).toBe('20 Nov 2026, 09:05');
    expect(at('2026-11-20T08:05:00Z', 'America/New_York').exact).toMatch(/Friday,? 20 November 2026 at 03:05:00 (EST|GMT-5)/);
  });
});
