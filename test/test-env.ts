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
