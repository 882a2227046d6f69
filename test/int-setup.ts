// Per-test resets of the integration projects (setupFiles in vitest.config.ts). What a test may
// leave behind in this process is put back before the next one: the environment variables it set
// (and the parsed environment, key cache and token-verification memo built from them), the
// in-memory rate-limit counters, and a clock moved forward (test/clock.ts).
import { afterEach, beforeEach, vi } from 'vitest';
// From the module itself, not the accounts index: the index loads the bcrypt pool, and a module a
// setup file has loaded can no longer be replaced by a test file's vi.mock (the enumeration test
// counts bcrypt jobs that way).
import { resetRateLimitsForTests } from '@/lib/auth/accounts/rate-limit';
import { clearVerifyMemo, resetKeysForTests } from '@/lib/auth/tokens';
import { resetEnvForTests } from '@/lib/env';

let before: Record<string, string | undefined> = {};

beforeEach(() => {
  before = { ...process.env };
  resetRateLimitsForTests();
});

// Runs after the test file's own afterEach hooks (Vitest runs after-hooks in reverse order).
afterEach(() => {
  vi.useRealTimers();
  for (const name of Object.keys(process.env)) if (!(name in before)) delete process.env[name];
  Object.assign(process.env, before);
  resetEnvForTests();
  resetKeysForTests();
  clearVerifyMemo();
});
