// Moving the clock forward in a test instead of sleeping. Only Date is faked: timers, I/O and the
// database drivers stay real, so code that stamps a time with Date.now() or new Date() (token
// iat and UUIDv7 jti, revokedAt, tokensValidAfter, lastRefreshedAt) sees a later time at once.
// The integration setup (test/int-setup.ts) puts the real clock back after every test.
import { vi } from 'vitest';

export function advanceClock(ms: number): void {
  if (!vi.isFakeTimers()) vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  vi.setSystemTime(Date.now() + ms);
}
