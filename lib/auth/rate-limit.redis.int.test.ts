// The Redis store of the attempt counters (REDIS_URL set: every instance shares them), against a
// real Redis (REDIS_TEST_URL, default the one on 127.0.0.1:6379), and its database insurance.
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertLoginAllowed, RATE_LIMITS, recordLoginFailure, resetRateLimitsForTests } from '@/lib/auth/accounts';
import { resetEnvForTests } from '@/lib/env';
import { uniqueEmail } from '@/test/auth-requests';

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });

beforeEach(() => {
  process.env.REDIS_URL = REDIS_URL;
  resetEnvForTests();
  resetRateLimitsForTests();
});
afterEach(() => {
  delete process.env.REDIS_URL;
  resetEnvForTests();
  resetRateLimitsForTests();
});
afterAll(() => redis.quit());

describe('rate limits in Redis', () => {
  it('count failed sign-ins in Redis, shared by every limiter object (every instance), and block at the limit', async () => {
    const email = uniqueEmail('redis');
    const attempt = { email, address: null };
    for (let i = 0; i < RATE_LIMITS.account.points; i++) await recordLoginFailure(attempt).catch(() => undefined);
    const key = `${RATE_LIMITS.account.keyPrefix}:${email}`;
    expect(Number(await redis.get(key))).toBe(RATE_LIMITS.account.points);
    expect(await redis.pttl(key)).toBeGreaterThan(0);
    // Another instance (fresh limiter objects) sees the same count.
    resetRateLimitsForTests();
    await expect(assertLoginAllowed(attempt)).rejects.toMatchObject({ status: 429, code: 'too_many_attempts' });
    await redis.del(key);
    await expect(assertLoginAllowed(attempt)).resolves.toBeUndefined();
  });
});
