// A throttle on creating guest carts, so a script cannot fill the Cart table by posting without
// a cookie. Per client address when a trusted proxy names it (TRUST_PROXY), and a ceiling for
// all clients together (without a trusted address there is no honest per-client key, and one
// shared tight bucket would let anyone stop everyone from shopping). Counted where the sign-in
// counters are (lib/auth/accounts/rate-limit.ts: Redis when REDIS_URL is set, so every instance
// shares the count; the database's RateLimit table otherwise); idle guest carts are purged after 30 days.
import 'server-only';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { addressCounterKey, sharedLimiter } from '@/lib/auth/accounts';
import { clientAddress } from '@/lib/auth/http';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

const PER_ADDRESS = { keyPrefix: 'guest_cart_ip', points: 20, duration: 10 * 60, blockDuration: 0 };
const EVERYONE = { keyPrefix: 'guest_cart_all', points: 600, duration: 60, blockDuration: 0 };

/** Throws 429 (with Retry-After) when this client may not start another guest cart now. */
export async function throttleGuestCartCreation(headers: Headers): Promise<void> {
  const address = clientAddress(headers, env().TRUST_PROXY);
  try {
    if (address) await (await sharedLimiter(PER_ADDRESS)).consume(addressCounterKey(address));
    await (await sharedLimiter(EVERYONE)).consume('all');
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new AppError(429, 'too_many_carts', 'Too many new carts from this connection. Try again in a few minutes.', undefined, {
      'Retry-After': String(seconds),
    });
  }
}
