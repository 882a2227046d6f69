// Mutation testing of the security core: `npm run test:mutation` (StrykerJS with its Vitest runner).
// Stryker changes one thing at a time in the files below (a `<` into `<=`, a condition into
// `true`, a string into "") and runs the tests that cover that spot; a change no test notices
// (a surviving mutant) is a rule nothing proves. docs/security.md ("Mutation testing") records the
// score and every survivor with why it is harmless.
//
// The full run takes the better part of an hour on two cores, so `npm test` (and CI) runs only the
// entries whose files changed since the committed report (scripts/mutation-changed.mjs).
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
  // The decisions of the security core (docs/security.md, "Mutation testing", says why these
  // ranges and not whole files). A range leaves out what around it is types, imports, logging,
  // constant tables and helpers only the /learn pages use; each line below says what it keeps.
  mutate: [
    // Token verification: precheck (size, shape, key-locating headers), the lifetime bound, the
    // claim shapes, the memo and its bound, and verifyUncached (alg, typ, iss, aud, exp, iat,
    // maxAge, clock tolerance, the kind check). Not signing, and not joseRejection (the /learn
    // page's precise reasons; requests only see expired/invalid).
    'lib/auth/tokens/jwt.ts:171-237',
    'lib/auth/tokens/jwt.ts:266-301',
    // API-token scopes (all but the words describing them, lines 13-18); the Origin (CSRF) check.
    'lib/auth/tokens/scopes.ts:19-39',
    'lib/auth/http/csrf.ts',
    // Reading the credential: readCookie, readCredential (the rest builds Set-Cookie options).
    'lib/auth/http/cookies.ts:93-121',
    // The session check: revocation, tokensValidAfter, the scope rule, pages (whole file).
    'lib/auth/session/dal.ts',
    // The sign-in counters: what an address counts as (addressCounterKey), loginKeys to
    // consumeSignup (the rest picks and builds the store).
    'lib/auth/accounts/rate-limit.ts:151-156',
    'lib/auth/accounts/rate-limit.ts:173-236',
    // listApiTokens, revokeApiToken (creation and the last-use note are not access decisions).
    'lib/auth/api-tokens/api-tokens.ts:60-76',
    // A password sign-in starts only on the hash it checked (passwordStillCurrent, and its use in
    // startSession); the family's facts as its row records them (familyColumns); refresh rotation
    // (rotateRefreshToken, the grace window and replay in replayOutcome, endForReuse); sign-out,
    // with a Bearer value (signOutWithBearer, refreshTokenLive) and of an API token (revokeApiTokenIn).
    // Line ranges: after editing lifecycle.ts, check they still start and end on these functions.
    'lib/auth/sign-ins/lifecycle.ts:66-69',
    'lib/auth/sign-ins/lifecycle.ts:145-147',
    'lib/auth/sign-ins/lifecycle.ts:187-189',
    'lib/auth/sign-ins/lifecycle.ts:252-347',
    'lib/auth/sign-ins/lifecycle.ts:393-495',
    // The declared guards: route handlers and server actions (whole files but for the database-
    // outage and refused-value branches of formAction, lines 86-94, which only log and map a 503
    // or a 400; a range keeps only mutants wholly inside it, so formAction's catch block and
    // function body as a whole are out too, their statements in), the request facts and cookie
    // writing they hand on, markGuarded's refusals and guardOf.
    'lib/auth/guards/route.ts',
    'lib/auth/guards/action.ts:32-85',
    'lib/auth/guards/action.ts:95-99',
    'lib/auth/guards/respond.ts',
    'lib/auth/guards/options.ts:38-53',
    // The cart and checkout writes: whose cart a key reaches (cartWhere), the writes and the merge
    // (touchCartForWrite to mergeGuestCart: quantity bounds, stock, ownership), checkout and the
    // order reads. Not the read-only cart view or the purge of idle guest carts.
    'lib/shop/cart.ts:65-67',
    'lib/shop/cart.ts:136-259',
    'lib/shop/orders.ts:40-145',
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
