// Better Auth as its Next.js guide sets it up: email and password, database sessions in the same
// SQLite file (its Kysely adapter over better-sqlite3), the nextCookies plugin for server actions.
// BETTER_AUTH_SECRET and BETTER_AUTH_URL come from the environment.
import { betterAuth } from 'better-auth';
import { nextCookies } from 'better-auth/next-js';
import { sqlite } from './db';

export const auth = betterAuth({
  database: sqlite,
  emailAndPassword: { enabled: true },
  plugins: [nextCookies()],
});
