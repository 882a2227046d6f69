// @ts-check
import { isPostgresUrl } from './lib/database-url.mjs';
import { PRERENDERED_FRONT_PAGE_PATH, PRERENDERED_FRONT_PAGE_HEADER, SCRIPT_HASHES_PLACEHOLDER } from './lib/prerendered-front-page-names.mjs';

/** Headers for every response. The Content-Security-Policy (with a per-response nonce) is set
 *  by middleware.ts; these are the static ones. HSTS is ignored by browsers over plain HTTP. */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
];

/** The CSP of responses outside the middleware's pages: JSON needs nothing, so nothing is allowed. */
const NOTHING_RUNS = { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" };

// The driver is chosen at run time from DATABASE_URL (lib/db/client.ts), but the file tracer
// follows both dynamic imports. A build for Postgres (Vercel) leaves the SQLite driver out of
// every function: it is never loaded there, and a native module built here could not load anyway.
const buildsForPostgres = isPostgresUrl(process.env.DATABASE_URL ?? '');
const SQLITE_FILES = ['node_modules/better-sqlite3/**', 'node_modules/@prisma/adapter-better-sqlite3/**', 'lib/generated/sqlite/**'];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // NEXT_DIST_DIR lets two builds (say, a test run and a benchmark) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // The prerendered front page's script hashes: a placeholder, which scripts/build.mjs overwrites.
  env: { PRERENDERED_FRONT_PAGE_SCRIPT_HASHES: SCRIPT_HASHES_PLACEHOLDER },
  // The bench's own build (BENCH_ROUTES=1, bench/run.ts) also routes *.bench.ts(x) files: the
  // bench-only routes that split a request's cost step by step. Every other build leaves them out.
  ...(process.env.BENCH_ROUTES === '1' ? { pageExtensions: ['bench.tsx', 'bench.ts', 'tsx', 'ts', 'jsx', 'js'] } : {}),
  // Native and driver packages stay outside the server bundle; Next loads them from node_modules.
  // bcryptjs too: the bcrypt worker threads load it from there (lib/auth/accounts/bcrypt-pool.ts).
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg', '@prisma/adapter-pg', 'bcryptjs'],
  outputFileTracingExcludes: buildsForPostgres ? { '*': SQLITE_FILES } : {},
  experimental: {
    // `next start` loads every route's module at boot by default. This app has some sixty routes
    // and most instances serve a handful of them, so each loads on its first request instead.
    preloadEntriesOnStart: false,
  },
  // `/` prerendered, for the visitors the middleware marks (docs/architecture.md). Here, not in the
  // middleware: Next proxies a middleware rewrite over the network under `-H 127.0.0.1` (vercel/next.js#94745).
  async rewrites() {
    return {
      beforeFiles: [{ source: '/', has: [{ type: 'header', key: PRERENDERED_FRONT_PAGE_HEADER, value: 'prerendered' }], destination: PRERENDERED_FRONT_PAGE_PATH }],
    };
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Paths the middleware skips (it sets the nonce CSP on pages only) answer JSON; whatever else
      // they may answer (the HTML not-found page for /api/nope) may run and load nothing.
      { source: '/api/:path*', headers: [NOTHING_RUNS] },
      { source: '/.well-known/:path*', headers: [NOTHING_RUNS] },
    ];
  },
};

export default nextConfig;
