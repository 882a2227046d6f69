// Brute-force throttling for sign-in and sign-up, counted by rate-limiter-flexible.
//
// Counters live in Redis when REDIS_URL is set, so every instance behind a load balancer shares
// them; otherwise in this process's memory (fine for one instance and for development).
//
// Three counters of failed sign-ins, each answering 429 with Retry-After when exceeded:
//   - per account and client address: the tight one (5 in 15 min) that stops guessing;
//   - per client address: one address spraying many accounts (50 per hour);
//   - per account from any address: a botnet on one account (20 in 15 min). It blocks for only
//     5 minutes at a time, so an attacker cannot use it to lock the real owner out for long.
import 'server-only';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

interface LimiterSpec {
  keyPrefix: string;
  points: number;
  duration: number;
  blockDuration: number;
}

const SPECS = {
  accountAndAddress: { keyPrefix: 'login_fail_acct_ip', points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  address: { keyPrefix: 'login_fail_ip', points: 50, duration: 60 * 60, blockDuration: 60 * 60 },
  account: { keyPrefix: 'login_fail_acct', points: 20, duration: 15 * 60, blockDuration: 5 * 60 },
  signupAddress: { keyPrefix: 'signup_ip', points: 20, duration: 60 * 60, blockDuration: 60 * 60 },
  // Passkey sign-in options write a challenge row each: per client address, or one generous
  // shared bucket when the address is unknown (blocking it only blocks passkey options).
  passkeyOptionsAddress: { keyPrefix: 'passkey_opts_ip', points: 30, duration: 60, blockDuration: 60 },
  passkeyOptionsShared: { keyPrefix: 'passkey_opts_all', points: 600, duration: 60, blockDuration: 60 },
} satisfies Record<string, LimiterSpec>;

type LimiterName = keyof typeof SPECS;

let redis: Redis | undefined;

function makeLimiter(spec: LimiterSpec): RateLimiterAbstract {
  const { REDIS_URL } = env();
  const memory = new RateLimiterMemory(spec);
  if (!REDIS_URL) return memory;
  redis ??= new Redis(REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  // If Redis is unreachable, count in memory rather than fail every sign-in.
  return new RateLimiterRedis({ ...spec, storeClient: redis, insuranceLimiter: memory, rejectIfRedisNotReady: true });
}

const globalForLimits = globalThis as unknown as { __limiters?: Map<LimiterName, RateLimiterAbstract> };

function limiter(name: LimiterName): RateLimiterAbstract {
  const limiters = (globalForLimits.__limiters ??= new Map());
  let found = limiters.get(name);
  if (!found) {
    found = makeLimiter(SPECS[name]);
    limiters.set(name, found);
  }
  return found;
}

export function resetRateLimitsForTests(): void {
  globalForLimits.__limiters = undefined;
}

function tooMany(msBeforeNext: number): AppError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError(429, 'too_many_attempts', `Too many attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`, undefined, {
    'Retry-After': String(seconds),
  });
}

/**
 * The counters one sign-in attempt touches. Without a trusted client address (no TRUST_PROXY)
 * only the per-account counter applies: keying on a forgeable header would let an attacker dodge
 * it, and keying everyone on one shared bucket would let an attacker block every sign-in.
 */
function loginKeys(email: string, address: string | null): [LimiterName, string][] {
  if (address === null) return [['account', email]];
  return [
    ['accountAndAddress', `${email}|${address}`],
    ['address', address],
    ['account', email],
  ];
}

/** Throws 429 if any failure counter for this sign-in attempt is exhausted. */
export async function assertLoginAllowed(email: string, address: string | null): Promise<void> {
  for (const [name, key] of loginKeys(email, address)) {
    const spec = SPECS[name];
    const state = await limiter(name).get(key);
    if (!state || state.consumedPoints < spec.points) continue;
    // The limit was reached inside a window longer than the block (the per-account counter: 20 in
    // 15 min, blocked 5 min): block for blockDuration, not for the rest of the window, so that an
    // attacker cannot lock the real owner out for longer than the block. Once blocked, the
    // remaining time is at most blockDuration and the block is not extended by further attempts.
    if (state.msBeforeNext > spec.blockDuration * 1000) {
      await limiter(name).block(key, spec.blockDuration);
      throw tooMany(spec.blockDuration * 1000);
    }
    throw tooMany(state.msBeforeNext);
  }
}

/** Counts a failed sign-in on every counter; throws 429 when this failure exhausted one. */
export async function recordLoginFailure(email: string, address: string | null): Promise<void> {
  let blocked: RateLimiterRes | undefined;
  for (const [name, key] of loginKeys(email, address)) {
    try {
      await limiter(name).consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      blocked ??= rejection;
    }
  }
  if (blocked) throw tooMany(blocked.msBeforeNext);
}

/** A successful sign-in clears the per-account-and-address counter (not the wider ones). */
export async function recordLoginSuccess(email: string, address: string | null): Promise<void> {
  if (address === null) return;
  await limiter('accountAndAddress').delete(`${email}|${address}`);
}

/** Sign-ups per client address. */
export async function consumeSignup(address: string | null): Promise<void> {
  if (address === null) return;
  try {
    await limiter('signupAddress').consume(address);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw tooMany(rejection.msBeforeNext);
    throw rejection;
  }
}

/** Passkey sign-in options (each stores a challenge): per client address. */
export async function consumePasskeyOptions(address: string | null): Promise<void> {
  const [name, key]: [LimiterName, string] = address === null ? ['passkeyOptionsShared', 'all'] : ['passkeyOptionsAddress', address];
  try {
    await limiter(name).consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw tooMany(rejection.msBeforeNext);
    throw rejection;
  }
}

/** A deleted account's address leaves no counters behind (it may sign up again at once). */
export async function forgetAccountCounters(email: string): Promise<void> {
  await limiter('account').delete(email);
}
