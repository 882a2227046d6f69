// Brute-force throttling for sign-in, sign-up and the other guessable endpoints, counted by
// rate-limiter-flexible.
//
// Counts live where every instance and every restart sees them: in Redis when REDIS_URL is set
// (the database store insures it while Redis is unreachable), otherwise in the database
// (RateLimiterPrisma over the RateLimit table, each write in its own transaction, see
// lib/db/durable.ts). Never only in one process's memory.
//
// Failed sign-ins touch these counters, each answering 429 with Retry-After when exceeded:
//   - per account and client address: the tight one (5 in 15 min) that stops guessing;
//   - per client address: one address spraying many accounts (50 per hour);
//   - per account from any address: a botnet on one account (20 in 15 min, blocked 5 min);
//   - per account and KNOWN BROWSER (OWASP device cookies): a browser that has signed in to the
//     account before (it holds a signed `device` cookie, see devices.ts) counts on this counter
//     alone (10 in 15 min), so nobody can lock the owner out of their own browser by guessing
//     from elsewhere, with or without a trusted client address.
import 'server-only';
import { Redis } from 'ioredis';
import { RateLimiterPrisma, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { db } from '@/lib/db';
import { durable } from '@/lib/db/durable';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import ipaddr from 'ipaddr.js';

export interface LimiterSpec {
  keyPrefix: string;
  points: number;
  duration: number;
  blockDuration: number;
}

export const RATE_LIMITS = {
  accountAndAddress: { keyPrefix: 'login_fail_acct_ip', points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  address: { keyPrefix: 'login_fail_ip', points: 50, duration: 60 * 60, blockDuration: 60 * 60 },
  account: { keyPrefix: 'login_fail_acct', points: 20, duration: 15 * 60, blockDuration: 5 * 60 },
  knownBrowser: { keyPrefix: 'login_fail_browser', points: 10, duration: 15 * 60, blockDuration: 15 * 60 },
  signupAddress: { keyPrefix: 'signup_ip', points: 20, duration: 60 * 60, blockDuration: 60 * 60 },
  /**
   * Wrong passwords typed by someone already signed in (the current password on change-password,
   * and the password that confirms it is you for step-up), per account and sign-in. Not the
   * sign-in counters: guesses at the sign-in form from elsewhere must not lock the signed-in owner
   * out of their own settings, and a stolen session still gets only 5 guesses per 15 minutes.
   */
  signedInPassword: { keyPrefix: 'signed_in_password', points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  /**
   * Wrong passwords on a change-of-address request, per account (the request carries no sign-in
   * id; every sign-in of the account shares the count, which only makes guessing slower).
   */
  changeEmail: { keyPrefix: 'email_change', points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  /** The /learn tamper demo: a verification oracle on the caller's own token, per user. */
  learnVerify: { keyPrefix: 'learn_verify', points: 20, duration: 60, blockDuration: 60 },
  // Mails a request can cause (reset, verification, change of address): per recipient and per client.
  mailRecipient: { keyPrefix: 'mail_to', points: 3, duration: 15 * 60, blockDuration: 15 * 60 },
  mailClient: { keyPrefix: 'mail_ip', points: 10, duration: 15 * 60, blockDuration: 15 * 60 },
  // Passkey sign-in options write a challenge row each: per client address, or one generous
  // shared bucket when the address is unknown (blocking it only blocks passkey options).
  passkeyOptionsAddress: { keyPrefix: 'passkey_opts_ip', points: 30, duration: 60, blockDuration: 60 },
  passkeyOptionsShared: { keyPrefix: 'passkey_opts_all', points: 600, duration: 60, blockDuration: 60 },
} satisfies Record<string, LimiterSpec>;

export type LimiterName = keyof typeof RATE_LIMITS;

/**
 * The Prisma client as RateLimiterPrisma sees it: its writes (upsert, deleteMany) each run in a
 * transaction of their own, so a counter can never be rolled back with another request's work.
 */
async function durableStore(): Promise<Record<string, unknown>> {
  const prisma = await db();
  type Args = Parameters<typeof prisma.rateLimit.upsert>[0];
  type DeleteArgs = Parameters<typeof prisma.rateLimit.deleteMany>[0];
  return {
    rateLimit: {
      findFirst: (args: Parameters<typeof prisma.rateLimit.findFirst>[0]) => prisma.rateLimit.findFirst(args),
      upsert: (args: Args) => durable((tx) => tx.rateLimit.upsert(args)),
      deleteMany: (args: DeleteArgs) => durable((tx) => tx.rateLimit.deleteMany(args)),
    },
  };
}

let redis: Redis | undefined;

/** Gives a new connection a moment to come up, so the first attempts are not counted elsewhere. */
async function redisReady(client: Redis, timeoutMs = 2_000): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    function done() {
      clearTimeout(timer);
      client.off('ready', done);
      resolve();
    }
    client.once('ready', done);
  });
}

async function makeLimiter(spec: LimiterSpec): Promise<RateLimiterAbstract> {
  const { REDIS_URL } = env();
  const database = new RateLimiterPrisma({ ...spec, storeClient: await durableStore(), tableName: 'rateLimit', clearExpiredByTimeout: false });
  if (!REDIS_URL) return database;
  redis ??= new Redis(REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  await redisReady(redis);
  // If Redis is unreachable, count in the database rather than fail every sign-in.
  return new RateLimiterRedis({ ...spec, storeClient: redis, insuranceLimiter: database, rejectIfRedisNotReady: true });
}

const globalForLimits = globalThis as unknown as { __limiters?: Map<string, Promise<RateLimiterAbstract>> };

/**
 * A counter in the same store as the sign-in counters (Redis when REDIS_URL is set, else the
 * database), for the app's other throttles (the guest cart's). One per keyPrefix; reset with the
 * others in tests.
 */
export function sharedLimiter(spec: LimiterSpec): Promise<RateLimiterAbstract> {
  const limiters = (globalForLimits.__limiters ??= new Map());
  let found = limiters.get(spec.keyPrefix);
  if (!found) {
    found = makeLimiter(spec);
    limiters.set(spec.keyPrefix, found);
  }
  return found;
}

function limiter(name: LimiterName): Promise<RateLimiterAbstract> {
  return sharedLimiter(RATE_LIMITS[name]);
}

/** Forgets the limiter objects (tests change REDIS_URL between cases). Counts stay where they live. */
export function resetRateLimitsForTests(): void {
  globalForLimits.__limiters = undefined;
}

/** Deletes one counter (tests, and a success that clears its own counter). */
export async function clearRateLimit(name: LimiterName, key: string): Promise<void> {
  await (await limiter(name)).delete(key);
}

function tooMany(msBeforeNext: number): AppError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError(429, 'too_many_attempts', `Too many attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`, undefined, {
    'Retry-After': String(seconds),
  });
}

/**
 * What a per-address counter counts: an IPv4 address itself (an IPv4-mapped IPv6 address too),
 * an IPv6 address by its /64 network. An ISP or a cloud host hands one client a whole /64, so
 * counting single IPv6 addresses would give that client 2^64 fresh counters to rotate through.
 * Text that is no address shares one counter, for the same reason.
 */
export function addressCounterKey(address: string): string {
  if (!ipaddr.isValid(address)) return 'unparsed';
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${parsed.toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
}

/** Who is trying to sign in to which account, as far as the counters need to know. */
export interface LoginAttempt {
  email: string;
  /** The client address when a trusted proxy vouches for it, else null. */
  address: string | null;
  /** The browser's id when its signed `device` cookie names a browser known to this account. */
  knownBrowserId?: string | null;
}

/**
 * The counters one sign-in attempt touches. A known browser has its own counter and nothing else.
 * Without a trusted client address (no TRUST_PROXY) only the per-account counter applies: keying
 * on a forgeable header would let an attacker dodge it, and keying everyone on one shared bucket
 * would let an attacker block every sign-in.
 */
function loginKeys({ email, address, knownBrowserId }: LoginAttempt): [LimiterName, string][] {
  if (knownBrowserId) return [['knownBrowser', `${email}|${knownBrowserId}`]];
  if (address === null) return [['account', email]];
  const network = addressCounterKey(address);
  return [
    ['accountAndAddress', `${email}|${network}`],
    ['address', network],
    ['account', email],
  ];
}

/** Throws 429 if the named counter for `key` is exhausted. */
export async function assertUnder(name: LimiterName, key: string): Promise<void> {
  const spec = RATE_LIMITS[name];
  const counter = await limiter(name);
  const state = await counter.get(key);
  if (!state || state.consumedPoints < spec.points) return;
  // The limit was reached inside a window longer than the block (the per-account counter: 20 in
  // 15 min, blocked 5 min): block for blockDuration, not for the rest of the window, so that an
  // attacker cannot lock the real owner out for longer than the block. Once blocked, the
  // remaining time is at most blockDuration and the block is not extended by further attempts.
  if (state.msBeforeNext > spec.blockDuration * 1000) {
    await counter.block(key, spec.blockDuration);
    throw tooMany(spec.blockDuration * 1000);
  }
  throw tooMany(state.msBeforeNext);
}

/** Throws 429 if any failure counter for this sign-in attempt is exhausted. */
export async function assertLoginAllowed(attempt: LoginAttempt): Promise<void> {
  for (const [name, key] of loginKeys(attempt)) await assertUnder(name, key);
}

/** Counts one on a counter; the 429 it would throw when this exhausted it, else null. */
async function consumeOne(name: LimiterName, key: string): Promise<AppError | null> {
  try {
    await (await limiter(name)).consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return tooMany(rejection.msBeforeNext);
    throw rejection;
  }
}

/** Counts a failed sign-in on every counter; throws 429 when this failure exhausted one. */
export async function recordLoginFailure(attempt: LoginAttempt): Promise<void> {
  let blocked: AppError | null = null;
  for (const [name, key] of loginKeys(attempt)) blocked = (await consumeOne(name, key)) ?? blocked;
  if (blocked) throw blocked;
}

/** A successful sign-in clears its own narrow counter (not the wider ones). */
export async function recordLoginSuccess(attempt: LoginAttempt): Promise<void> {
  if (attempt.knownBrowserId) await clearRateLimit('knownBrowser', `${attempt.email}|${attempt.knownBrowserId}`);
  else if (attempt.address !== null) await clearRateLimit('accountAndAddress', `${attempt.email}|${addressCounterKey(attempt.address)}`);
}

/** Sign-ups per client address. */
export async function consumeSignup(address: string | null): Promise<void> {
  if (address === null) return;
  const blocked = await consumeOne('signupAddress', addressCounterKey(address));
  if (blocked) throw blocked;
}

/** One use of a throttled endpoint by `key` (a user id, an address): 429 once over its limit. */
export async function consumeAttempt(name: LimiterName, key: string): Promise<void> {
  const blocked = await consumeOne(name, key);
  if (blocked) throw blocked;
}

/**
 * Whether one more account mail (reset, verification, change of address) may go to `recipient`
 * for this client. Never throws for the limit: the request still answers 202, and simply sends
 * nothing more, so a burst sends at most a few mails and says nothing about the address.
 */
export async function consumeMailAllowance(recipient: string, address: string | null): Promise<boolean> {
  const keys: [LimiterName, string][] = [['mailRecipient', recipient], ...(address === null ? [] : [['mailClient', addressCounterKey(address)] as [LimiterName, string]])];
  let allowed = true;
  for (const [name, key] of keys) {
    try {
      await (await limiter(name)).consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      allowed = false;
    }
  }
  return allowed;
}

/** Passkey sign-in options (each stores a challenge): per client address. */
export async function consumePasskeyOptions(address: string | null): Promise<void> {
  const [name, key]: [LimiterName, string] = address === null ? ['passkeyOptionsShared', 'all'] : ['passkeyOptionsAddress', addressCounterKey(address)];
  try {
    await (await limiter(name)).consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw tooMany(rejection.msBeforeNext);
    throw rejection;
  }
}

/**
 * A deleted account leaves no counters behind (its address may sign up again at once): the
 * per-account sign-in counter, the account-and-address ones for the addresses its sign-ins came
 * from, its known browsers', the signed-in password ones of its sign-ins (change-password, step-up), the change-of-address
 * one, the /learn one and the mail-recipient one. (Counters live in the database's RateLimit
 * table or in Redis.)
 */
export async function forgetAccountCounters(account: {
  email: string;
  userId: string;
  addresses?: string[];
  browserIds?: string[];
  sids?: string[];
}): Promise<void> {
  const { email, userId } = account;
  const keys: [LimiterName, string][] = [
    ['account', email],
    ['mailRecipient', email],
    ['learnVerify', userId],
    ['changeEmail', userId],
    ...(account.addresses ?? []).map((address): [LimiterName, string] => ['accountAndAddress', `${email}|${addressCounterKey(address)}`]),
    ...(account.browserIds ?? []).map((browserId): [LimiterName, string] => ['knownBrowser', `${email}|${browserId}`]),
    ...(account.sids ?? []).map((sid): [LimiterName, string] => ['signedInPassword', `${userId}|${sid}`]),
  ];
  for (const [name, key] of keys) await clearRateLimit(name, key);
}
