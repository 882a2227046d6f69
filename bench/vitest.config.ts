// `npm run bench:smoke`: the bench's smoke test as a `unit` project of its own, with the same
// `server-only` stand-in and test environment as the root vitest.config.ts (whose unit project
// does not yet include bench/; adding 'bench/**/*.test.ts' there makes `npm run test:unit` run it).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { TEST_ENV } from '../test/test-env.ts';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: {
    tsconfigPaths: true,
    alias: { 'server-only': fileURLToPath(new URL('../test/server-only-mock.ts', import.meta.url)) },
  },
  test: {
    name: 'unit',
    environment: 'node',
    pool: 'forks',
    env: { ...TEST_ENV },
    include: ['bench/**/*.test.ts'],
  },
});
