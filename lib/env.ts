// The app's configuration, parsed once from process.env with zod.
//
// Runtime-neutral (the Edge middleware reads it too): no Node built-ins here.
// A bad value fails fast with a message that names the variable.
import { DEFAULT_DATABASE_URL, isPostgresUrl, isSqliteUrl } from '@/lib/database-url.mjs';
import { z } from '@/lib/validation/zod';

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);
const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0', ''])
    .default(fallback)
    .transform((v) => v === 'true' || v === '1');

/** Secrets that ship in examples and tutorials: never acceptable in production. */
const KNOWN_WEAK_SECRETS = new Set([
  'secret',
  'changeme',
  'change-me',
  'your-secret-here',
  'replace-me-with-at-least-32-random-bytes',
]);

/**
 * Secrets committed in this repository (its tests, the bench, the build check): fine for a local
 * production test (ALLOW_INSECURE_HTTP), never for a deployment, where anyone who read the repo
 * could sign tokens with them.
 */
const REPOSITORY_SECRET = /^(test-only|bench-only|build-only|vercel-check)-|do-not-use/i;

/** Loopback hosts: plain http to them never leaves the machine (local providers in tests). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A provider endpoint: https, or http on this machine only. */
const providerUrl = z.url().refine((raw) => {
  const url = new URL(raw);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}, 'must be an https:// URL (http:// only for localhost)');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((url) => isSqliteUrl(url) || isPostgresUrl(url), 'must start with file: or postgres://'),
  AUTH_SECRET: z
    .string({ error: 'is required (at least 32 random characters; `openssl rand -base64 48`)' })
    .min(32, 'must be at least 32 characters (`openssl rand -base64 48`)')
    .refine((s) => !KNOWN_WEAK_SECRETS.has(s.toLowerCase()) && new Set(s).size >= 10, {
      message: 'is a known or low-entropy value; generate one with `openssl rand -base64 48`',
    }),
  AUTH_JWT_ALG: z.enum(['HS256', 'EdDSA', 'ES256']).default('HS256'),
  /** Private JWK (JSON, with kid) that signs new tokens in EdDSA/ES256 mode. */
  AUTH_JWT_PRIVATE_KEY: z.string().optional(),
  /** JSON array of public JWKs that still verify (keys being retired), in EdDSA/ES256 mode. */
  AUTH_JWT_PUBLIC_KEYS: z.string().optional(),
  AUTH_ISSUER: z.string().min(1).default('jwt-cookie-shop'),
  AUTH_AUDIENCE: z.string().min(1).default('jwt-cookie-shop'),
  AUTH_ACCESS_TTL: seconds(900),
  AUTH_REFRESH_TTL: seconds(14 * 24 * 3600),
  AUTH_REFRESH_GRACE: z.coerce.number().int().min(0).default(10),
  /** A sign-in ends this long after its auth_time, however often it refreshes (default 30 days). */
  AUTH_SESSION_MAX_AGE: seconds(30 * 24 * 3600),
  /** How recent a sign-in must be for a step-up change (seconds). */
  AUTH_STEP_UP_MAX_AGE: seconds(600),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(11),
  /**
   * Password hashes waiting for a worker beyond which sign-in and sign-up answer 503 with
   * Retry-After (load shedding: a burst cannot queue minutes of CPU work).
   */
  BCRYPT_QUEUE_MAX: z.coerce.number().int().min(1).default(32),
  /** The public origin, e.g. https://shop.example.com. Derived from the request when unset. */
  APP_URL: z.url().optional(),
  /** Origins allowed to call the JSON API with a Bearer token (comma-separated). */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url().refine((o) => o !== '*', 'must list origins, never *'))),
  /**
   * Trust X-Forwarded-For for the client address (only behind a proxy you control). Defaults to
   * true on Vercel (VERCEL=1), whose edge always sets it, else false.
   */
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Rate limits are counted in Redis when set (shared by every instance), else in the database. */
  REDIS_URL: z.string().optional(),
  CRON_SECRET: z.string().min(16).optional(),
  /** smtp://user:pass@host:587 or smtps://…:465 (lib/mail/transport.ts). Unset in development: mail waits in /dev/mailbox. */
  SMTP_URL: unsetIfEmpty(z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL').optional()),
  /** The From of every mail, e.g. "Tokenshop <shop@example.com>". */
  MAIL_FROM: unsetIfEmpty(z.string().min(3).default('Tokenshop <no-reply@localhost>')),
  /** No mail at all (production without SMTP): the email features say they are unavailable. */
  MAIL_DISABLED: flag('false'),
  /** Checkout and new API tokens need a verified address (403 email_unverified). */
  AUTH_REQUIRE_VERIFIED_EMAIL: flag('false'),
  /** Outbox: attempts before a mail is marked failed, first retry delay (doubles each time), timer period, lease. */
  MAIL_OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  MAIL_OUTBOX_BACKOFF_SECONDS: z.coerce.number().int().min(0).default(30),
  MAIL_OUTBOX_INTERVAL_SECONDS: seconds(60),
  MAIL_OUTBOX_LEASE_SECONDS: seconds(60),

  // Sign-in providers (lib/auth/oidc): each is on when its variables are set, hidden otherwise.
  /** An OpenID Connect issuer (Google: https://accounts.google.com), discovered at start. */
  OIDC_ISSUER: providerUrl.optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The button's name: "Continue with <OIDC_LABEL>". Never stored: accounts keep the issuer. */
  OIDC_LABEL: z.string().min(1).max(40).default('OpenID Connect'),
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  /** GitHub's endpoints; overridable so tests can point at a local stand-in. */
  GITHUB_AUTHORIZE_URL: providerUrl.default('https://github.com/login/oauth/authorize'),
  GITHUB_TOKEN_URL: providerUrl.default('https://github.com/login/oauth/access_token'),
  GITHUB_API_URL: providerUrl.default('https://api.github.com'),
  /** Lets a production server run on http:// (local production tests only; never deploy it). */
  ALLOW_INSECURE_HTTP: z
    .enum(['true', 'false', '1', '0', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
})
  .superRefine((config, context) => {
    const pairs = [
      ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'],
      ['GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET'],
    ] as const;
    for (const names of pairs) {
      const set = names.filter((name) => config[name] !== undefined);
      if (set.length > 0 && set.length < names.length) {
        for (const name of names.filter((n) => config[n] === undefined)) {
          context.addIssue({ code: 'custom', path: [name], message: `is required with ${set.join(' and ')}` });
        }
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

/**
 * Empty strings count as unset (so `.env.example` copied as it stands works), and the platform
 * supplies two defaults: on Vercel the proxy is trusted, and a preview without APP_URL serves at
 * https://$VERCEL_URL.
 */
function withDefaults(source: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(source)) if (value !== '' || key === 'AUTH_SECRET') out[key] = value;
  if (out.VERCEL === '1') {
    out.TRUST_PROXY ??= 'true';
    // Previews only: production's own origin is its domain, not this deployment's unique host
    // (cookies, the Origin check and mail links would all name the wrong one), so it must be set.
    if (out.VERCEL_ENV !== 'production' && out.VERCEL_URL && !/[/:@]/.test(out.VERCEL_URL)) out.APP_URL ??= `https://${out.VERCEL_URL}`;
  }
  return out;
}

/** Parses an environment object; throws EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(withDefaults(source));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')} ${issue.message}`);
    throw new EnvError(`Invalid environment configuration:\n${problems.join('\n')}`);
  }
  return result.data;
}

/**
 * What a production server must not start without (checked at server start, never during
 * `next build`): an https:// APP_URL (cookie prefixes, Secure cookies, the CSRF origin and mail
 * links all follow it; http:// only with ALLOW_INSECURE_HTTP=true for local production tests),
 * CRON_SECRET (without it the scheduled purge is refused and revocations pile up forever), and an
 * AUTH_SECRET that is neither one of this repository's test secrets nor short of distinct characters.
 */
export function productionProblems(config: Env): string[] {
  const problems: string[] = [];
  if (!config.APP_URL) problems.push('  APP_URL is required in production: the public https:// origin, e.g. https://shop.example.com');
  else if (new URL(config.APP_URL).protocol !== 'https:' && !config.ALLOW_INSECURE_HTTP) {
    problems.push('  APP_URL must be https:// in production (ALLOW_INSECURE_HTTP=true only for local production tests)');
  }
  if (!config.CRON_SECRET) problems.push('  CRON_SECRET is required in production (at least 16 random characters): the scheduled purge needs it');
  if (!config.ALLOW_INSECURE_HTTP) {
    if (REPOSITORY_SECRET.test(config.AUTH_SECRET)) {
      problems.push('  AUTH_SECRET is a test secret committed in this repository: generate one with `openssl rand -base64 48`');
    } else if (new Set(config.AUTH_SECRET).size < 16) {
      problems.push('  AUTH_SECRET has too few distinct characters for production: generate one with `openssl rand -base64 48`');
    }
  }
  return problems;
}

/** Throws EnvError when a production server must not start with this configuration. */
export function assertProductionConfig(config: Env): void {
  const problems = productionProblems(config);
  if (problems.length) throw new EnvError(`Invalid production configuration:\n${problems.join('\n')}`);
}

let cached: Env | undefined;

/** The parsed environment of this process (parsed on first use, then memoised). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env between cases; this forgets the memoised parse. */
export function resetEnvForTests(): void {
  cached = undefined;
}
