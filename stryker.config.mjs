// Mutation testing of the security core: `npm run test:mutation` (StrykerJS with its Vitest runner).
// Stryker changes one thing at a time in the files below (a `<` into `<=`, a condition into
// `true`, a string into "") and runs the tests that cover that spot; a change no test notices
// (a surviving mutant) is a rule nothing proves. docs/security.md ("Mutation testing") records the
// score and every survivor with why it is harmless.
//
// Not part of `npm test` or CI: a full run takes the better part of an hour on two cores.
// Incremental mode keeps the last result in reports/stryker-incremental.json (committed), so a
// rerun retests only mutants in changed code or covered by changed tests.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // The decisions of the security core (see docs/security.md, "Mutation testing", for why these
  // ranges and not whole files): scopes, the Origin check, reading the credential, the session
  // check's scope rule and pages, the sign-in counters, the API-token list, sign-out.
  mutate: [
    'lib/auth/tokens/scopes.ts',
    'lib/auth/http/csrf.ts',
    'lib/auth/http/cookies.ts:93-121',
    'lib/auth/accounts/rate-limit.ts:149-211',
    'lib/auth/api-tokens/api-tokens.ts:58-78',
    'lib/auth/sign-ins/lifecycle.ts:340-373',
  ],
  // A mutant in module-level code (a constant table) can only be judged by rerunning every test
  // that imports the file: minutes each. They are left out of the score; docs/security.md says so.
  ignoreStatic: true,
  // The sandbox is a copy of the project: leave out what the tests never read.
  ignorePatterns: ['.next', '.next-*', '.vercel', 'e2e', 'bench/.tmp', 'bench/peers', 'data', 'playwright-report', 'test-results', 'reports', '.cache', 'wip'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: null },
  timeoutMS: 30000,
  // The first run of every covering test, on a machine that may be busy: give it time.
  dryRunTimeoutMinutes: 30,
  tempDirName: '.cache/stryker-tmp',
  cleanTempDir: 'always',
};

export default config;
