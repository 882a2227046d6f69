// The environment the bench process and its servers run with. Set before any lib/ module reads
// it (lib/env.ts parses process.env on first use).

/** Bench-only secret (48 characters); never valid outside this benchmark. */
export const BENCH_SECRET = 'bench-only-secret-0123456789abcdefghijklmnopqrstuv';
/** Access tokens outlive the whole run, so no request of the HTTP sections meets an expired one. */
export const BENCH_ACCESS_TTL = '3600';
export const BENCH_PASSWORD = 'correct horse battery staple';

export function applyBenchEnv(databaseUrl: string): void {
  Object.assign(process.env, {
    AUTH_SECRET: BENCH_SECRET,
    AUTH_ACCESS_TTL: BENCH_ACCESS_TTL,
    AUTH_JWT_ALG: 'HS256',
    BCRYPT_COST: '11',
    DATABASE_URL: databaseUrl,
  });
  delete process.env.REDIS_URL; // rate limits in memory: the bench measures this process only
}
