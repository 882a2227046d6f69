// Vitest: four projects.
//   unit          node, every *.test.ts beside its code (no database)
//   edge          the runtime-neutral token code under the Edge runtime (@edge-runtime/vm)
//   int-sqlite    *.int.test.ts against a fresh, migrated, seeded SQLite file
//   int-postgres  the same files against a fresh Postgres database
// The int projects get their database from test/int-global-setup.ts: it sets DATABASE_URL in
// the project's env (so it is in process.env before any test module is imported) and provides
// it to tests as inject('databaseUrl').
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration, ViteUserConfig } from 'vitest/config';
import { isCI } from './scripts/ci.mjs';
import { adminPostgresLabel, postgresAvailable } from './test/postgres.ts';
import { TEST_ENV } from './test/test-env.ts';

const intProject = (provider: 'sqlite' | 'postgres'): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name: `int-${provider}`,
    environment: 'node',
    include: ['**/*.int.test.ts'],
    // .cache holds the mutation runs' sandboxes (copies of the project, tests included).
    exclude: ['**/node_modules/**', 'lib/generated/**', '.next/**', 'e2e/.tmp/**', 'bench/.tmp/**', '.cache/**'],
    globalSetup: ['./test/int-global-setup.ts'],
    // Per-test resets (environment, key cache, rate limits) for every integration file.
    setupFiles: ['./test/int-setup.ts'],
    // Every file of a project shares one database: run them one at a time.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // DATABASE_URL is added here by the global setup once the database exists.
    env: { ...TEST_ENV, TEST_DB_PROVIDER: provider },
  },
});

// Vitest evaluates this file once per project (`extends: true`): probe and warn only once.
const probe = globalThis as { __postgresProbe?: Promise<boolean> };

export default defineConfig(async (): Promise<ViteUserConfig> => {
  // In CI the Postgres project always runs: the global setup fails loudly when Postgres is down.
  let withPostgres = true;
  const firstProbe = !probe.__postgresProbe;
  if (!isCI && !(await (probe.__postgresProbe ??= postgresAvailable()))) {
    withPostgres = false;
    if (firstProbe) console.warn(
      `\n[vitest] NOTICE: PostgreSQL is not reachable at ${adminPostgresLabel()};` +
        ` skipping the int-postgres project (it never skips when CI=true).\n`,
    );
  }

  return {
    resolve: {
      tsconfigPaths: true,
      alias: {
        // `@/…` straight to the repo root, so test files resolve it even where tsconfig.json
        // does not list them (tsconfigPaths applies only to files the tsconfig includes).
        '@': fileURLToPath(new URL('./', import.meta.url)),
        // The real package throws outside React Server Components.
        'server-only': fileURLToPath(new URL('./test/server-only-mock.ts', import.meta.url)),
      },
    },
    test: {
      pool: 'forks',
      env: { ...TEST_ENV },
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'node',
            include: ['{lib,app,scripts,test,e2e/support}/**/*.test.ts', 'middleware.test.ts', 'middleware.edge-imports.test.ts'],
            // *.edge.test.ts belong to the edge project (they may assert Edge-only behaviour).
            exclude: ['**/*.int.test.ts', '**/*.edge.test.ts', '**/node_modules/**', 'lib/generated/**'],
          },
        },
        {
          extends: true,
          test: {
            name: 'edge',
            environment: 'edge-runtime',
            include: ['lib/auth/**/*.edge.test.ts', 'middleware.edge.test.ts'],
          },
        },
        intProject('sqlite'),
        ...(withPostgres ? [intProject('postgres')] : []),
      ],
    },
  };
});
