// Vitest for mutation runs (`npm run test:mutation`, stryker.config.mjs): the unit project and the
// integration tests on SQLite only. Postgres runs the same files with the same assertions, so it
// would kill no mutant that SQLite lets live, and it doubles every mutant's run. The Edge project
// is left out too: it runs the same token code under another runtime. `npm test` runs all four.
import type { ConfigEnv, ViteUserConfig } from 'vitest/config';
import base from './vitest.config.ts';

const MUTATION_PROJECTS = new Set(['unit', 'int-sqlite']);

export default async function strykerConfig(env: ConfigEnv): Promise<ViteUserConfig> {
  const full = await (typeof base === 'function' ? base(env) : base);
  const projects = (full.test?.projects ?? [])
    .filter((project) => typeof project === 'object' && project !== null && 'test' in project && MUTATION_PROJECTS.has(project.test?.name as string))
    // One test at a time on a niced process: a unit test that imports every route may need more than 5 s.
    .map((project) => {
      const inline = project as { test?: { testTimeout?: number } };
      return { ...inline, test: { ...inline.test, testTimeout: Math.max(inline.test?.testTimeout ?? 0, 60_000) } };
    });
  return { ...full, test: { ...full.test, projects } };
}
