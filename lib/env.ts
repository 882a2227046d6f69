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
  /** A sign-in ends this long after its interactive sign-in (auth_time), however often it refreshes. */
  AUTH_SESSION_MAX_AGE: seconds(30 * 24 * 3600),
  /** Sensitive changes need an interactive sign-in (or re-authentication) this recent. */
  AUTH_STEP_UP_MAX_AGE: seconds(600),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(11),
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
  /** Trust X-Forwarded-For for the client address (only behind a proxy you control). */
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Rate limits are counted in Redis when set (shared by every instance), else in memory. */
  REDIS_URL: z.string().optional(),
  CRON_SECRET: z.string().min(16).optional(),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parses an environment object; throws EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value counts as unset, so `.env.example` copied to `.env` as it stands (APP_URL=,
  // CRON_SECRET=, …) gives the defaults instead of failing validation.
  const set = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const result = envSchema.safeParse(set);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')} ${issue.message}`);
    throw new EnvError(`Invalid environment configuration:\n${problems.join('\n')}`);
  }
  return result.data;
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
