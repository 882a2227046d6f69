// The app's configuration, parsed once from process.env with zod.
//
// Runtime-neutral (the Edge middleware reads it too): no Node built-ins here.
// A bad value fails fast with a message that names the variable.
import { z } from 'zod';

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Secrets that ship in examples and tutorials: never acceptable in production. */
const KNOWN_WEAK_SECRETS = new Set([
  'secret',
  'changeme',
  'change-me',
  'your-secret-here',
  'replace-me-with-at-least-32-random-bytes',
]);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .default('file:./data/dev.db')
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), 'must start with file: or postgres://'),
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
  /** Rate limits are counted in Redis when set (shared by every instance), else in memory. */
  REDIS_URL: z.string().optional(),
  CRON_SECRET: z.string().min(16).optional(),
  /** Lets a production server run on http:// (local production tests only; never deploy it). */
  ALLOW_INSECURE_HTTP: z
    .enum(['true', 'false', '1', '0', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
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
    if (out.VERCEL_URL && !/[/:@]/.test(out.VERCEL_URL)) out.APP_URL ??= `https://${out.VERCEL_URL}`;
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
 * and CRON_SECRET (without it the scheduled purge is refused and revocations pile up forever).
 */
export function productionProblems(config: Env): string[] {
  const problems: string[] = [];
  if (!config.APP_URL) problems.push('  APP_URL is required in production: the public https:// origin, e.g. https://shop.example.com');
  else if (new URL(config.APP_URL).protocol !== 'https:' && !config.ALLOW_INSECURE_HTTP) {
    problems.push('  APP_URL must be https:// in production (ALLOW_INSECURE_HTTP=true only for local production tests)');
  }
  if (!config.CRON_SECRET) problems.push('  CRON_SECRET is required in production (at least 16 random characters): the scheduled purge needs it');
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
