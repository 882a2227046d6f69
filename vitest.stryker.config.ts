// Vitest for mutation runs (`npm run test:mutation`, stryker.config.mjs): the unit project and the
// integration tests on SQLite only. Postgres runs the same files with the same assertions, so it
// would kill no mutant that SQLite lets live, and it doubles every mutant's run. The Edge project
// is left out too: it runs the same token code under another runtime. `npm test` runs all four.
import type { ConfigEnv, ViteUserConfig } from 'vitest/config';
import base from './vitest.config.ts';

const MUTATION_PROJECTS = new Set(['unit', 'int-sqlite']);

/**
 * The integration files that test the security core. Every other one signs in or calls a route
 * too, so it reaches the same lines; rerunning all of them for each mutant took a minute a
 * mutant. A mutant only they would kill counts as surviving here: the score errs low.
 */
const SECURITY_INT_TESTS = [
  'app/api/api-token-scopes.int.test.ts',
  'app/api/auth/auth-routes.int.test.ts',
  'app/api/auth/session-lifecycle.int.test.ts',
  'app/api/auth/sign-out-after-idle.int.test.ts',
  'app/api/auth/two-tabs-refresh.int.test.ts',
  'app/api/auth/token/token.int.test.ts',
  'lib/auth/accounts/*.int.test.ts',
  'lib/auth/api-tokens/*.int.test.ts',
  'lib/auth/guards/*.int.test.ts',
  'lib/auth/session/*.int.test.ts',
  'lib/auth/sign-ins/*.int.test.ts',
  'lib/auth/token-lifecycle.int.test.ts',
  // A password sign-in racing a reset or change; sign-out with a Bearer value.
  'lib/auth/password-race.int.test.ts',
  'app/api/auth/logout-bearer.int.test.ts',
  // The cart and checkout writes: the data layer, and the routes that call it.
  'app/api/shop-routes.int.test.ts',
  'app/api/guest-cart.int.test.ts',
  'lib/shop/cart.int.test.ts',
  'lib/shop/cart-rules.int.test.ts',
  'lib/shop/checkout.int.test.ts',
  'lib/shop/guest-cart.int.test.ts',
  'lib/shop/cart-owner.int.test.ts',
  'app/(shop)/checkout/checkout-action.int.test.ts',
];

export default async function strykerConfig(env: ConfigEnv): Promise<ViteUserConfig> {
  const full = await (typeof base === 'function' ? base(env) : base);
  const projects = (full.test?.projects ?? [])
    .filter((project) => typeof project === 'object' && project !== null && 'test' in project && MUTATION_PROJECTS.has(project.test?.name as string))
    // One test at a time on a niced process: a unit test that imports every route may need more than 5 s.
    .map((project) => {
      const inline = project as { test?: { name?: string; include?: string[]; testTimeout?: number } };
      const include = inline.test?.name === 'int-sqlite' ? SECURITY_INT_TESTS : inline.test?.include;
      return { ...inline, test: { ...inline.test, include, testTimeout: Math.max(inline.test?.testTimeout ?? 0, 60_000) } };
    });
  return { ...full, test: { ...full.test, projects } };
}
