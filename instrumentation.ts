// Runs once when a server instance starts. Parsing the environment here makes a production
// start with a missing, short or well-known AUTH_SECRET (or any other bad variable) stop at once
// with a message naming the variable, instead of failing on the first sign-in. The same goes for
// mail: production without SMTP_URL (and without MAIL_DISABLED=true) does not start, and a
// production server also refuses an http:// or missing APP_URL, a missing CRON_SECRET, a test
// secret of this repository, and signing keys that do not load (EdDSA/ES256 without a good
// private JWK would otherwise start, then answer 500 on every sign-in and protected page).
// The outbox timer starts with the first database client (lib/db.ts), not here: this hook's imports
// are traced into every Vercel function, and must not reach the database drivers.
export async function register(): Promise<void> {
  const { assertProductionConfig, env } = await import('@/lib/env');
  try {
    const config = env();
    if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
      const { mailStartupProblem } = await import('@/lib/mail/config');
      const problem = mailStartupProblem(config);
      if (problem) throw new Error(`Invalid environment configuration:\n  ${problem}`);
      if (process.env.NODE_ENV === 'production') {
        assertProductionConfig(config);
        const { getKeySet } = await import('@/lib/auth/tokens/keys');
        await getKeySet().catch((error: unknown) => {
          throw new Error(`Invalid environment configuration:\n  the signing keys do not load (AUTH_JWT_ALG=${config.AUTH_JWT_ALG}): ${error instanceof Error ? error.message : String(error)}`);
        });
      }
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NODE_ENV === 'production') process.exit(1);
    throw error;
  }
}
