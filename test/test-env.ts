// Environment shared by every test runner (Vitest projects and the Playwright servers).
// Fixed values so runs are reproducible; none of them is ever valid outside tests.

/** 48 characters, enough distinct ones to pass lib/env.ts. Test-only: never deploy it. */
export const TEST_AUTH_SECRET = 'test-only-auth-secret-do-not-use-in-prod-0123456';

/** Variables every Vitest project starts with (bcrypt at its minimum cost keeps tests fast). */
export const TEST_ENV = {
  AUTH_SECRET: TEST_AUTH_SECRET,
  BCRYPT_COST: '4',
  APP_URL: 'http://localhost:3000',
} as const;

/** Test-only cron bearer secret (production servers refuse to start without one). */
export const TEST_CRON_SECRET = 'test-only-cron-secret-0123456789';

/**
 * What a local production server (`next start` in tests and the bench) needs beyond the secret:
 * http:// on 127.0.0.1 is allowed explicitly, and a cron secret is set.
 */
export const LOCAL_PRODUCTION_ENV = {
  ALLOW_INSECURE_HTTP: 'true',
  CRON_SECRET: TEST_CRON_SECRET,
} as const;
