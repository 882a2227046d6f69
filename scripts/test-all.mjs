#!/usr/bin/env node
// `npm test`: every check CI runs, in order, stopping at the first failure.
//
//   typecheck  tsc --noEmit
//   lint       eslint .
//   vitest     vitest run            (projects unit, edge, int-sqlite, int-postgres)
//   mutation   npm run test:mutation:changed  (Stryker on the security-core files changed since
//                                     the committed mutation report; a second when none did;
//                                     fails under 90 %)
//   build      npm run build's script (scripts/build.mjs: next build, which also type-checks,
//                                     then the front page's script hashes into the middleware)
//   vercel     npm run vercel:check  (`vercel build` offline; Edge middleware, no SQLite driver
//                                     in Node functions; skips only if the CLI cannot be installed)
//   e2e        playwright test       (drives `next start` on that build; the cluster project adds
//                                     two instances behind nginx on Postgres)
//
// Each step's output streams through unchanged. The test steps also write their runner's JSON
// report (Vitest's json reporter, Playwright's json reporter) to a temporary file, and the counts
// come from that report, never from scraping coloured text. At the end it prints what ran and one
// final line `N passed, N failed` (plus `, N flaky` and `, N skipped` when any). The run fails when:
//   - a step exits non-zero (a step with no counts of its own, like tsc or a build, counts as one
//     failure, so a broken run never ends in `0 failed`);
//   - a test step exits 0 but wrote no parsable report, or a report with zero tests;
//   - any Playwright test was flaky (failed, then passed on its retry): counted apart, never as
//     passed (playwright.config.ts also sets failOnFlakyTests in CI).
//
// Local use:
//   npm test -- --skip-e2e                 everything but Playwright
//   npm test -- --only=vitest              one step (comma-separate several: --only=lint,vitest)
//   npm test -- --only=vitest -- --project unit   extra arguments go to the single step
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);

/** Vitest: its usual output, plus the JSON report in `report`. */
const vitestReport = (report) => ({ args: ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env: {} });
/** Playwright: the list reporter, plus the JSON report in `report`. */
const playwrightReport = (report) => ({ args: ['--reporter=list,json'], env: { PLAYWRIGHT_JSON_OUTPUT_FILE: report } });

const STEPS = [
  { name: 'typecheck', command: bin('tsc'), args: ['--noEmit'] },
  { name: 'lint', command: bin('eslint'), args: ['.'] },
  { name: 'vitest', command: bin('vitest'), args: ['run'], report: vitestReport, read: readVitestReport },
  { name: 'mutation', command: process.execPath, args: [join(root, 'scripts/mutation-changed.mjs')] },
  { name: 'build', command: process.execPath, args: [join(root, 'scripts/build.mjs')] },
  // The benchmark's smoke mode (tiny iteration counts) against this build, so the bench cannot rot.
  { name: 'bench-smoke', command: bin('vitest'), args: ['run', '--config', 'bench/vitest.config.ts'], env: { NEXT_DIST_DIR: '.next' }, report: vitestReport, read: readVitestReport },
  { name: 'vercel', command: process.execPath, args: [join(root, 'scripts/vercel-check.mjs')] },
  { name: 'e2e', command: bin('playwright'), args: ['test'], report: playwrightReport, read: readPlaywrightReport },
];

// ---------------------------------------------------------------------------------------------
// Reading the runners' JSON reports (exported for tests)

/** Vitest's json reporter: numPassedTests, numFailedTests, numPendingTests, numTodoTests. */
export function readVitestReport(text) {
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof report?.numTotalTests !== 'number' || typeof report.numPassedTests !== 'number' || typeof report.numFailedTests !== 'number') return null;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    flaky: 0,
    flakyBlocking: 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    flakyTests: [],
  };
}

/**
 * Projects where a test that passed only on its retry fails the run: an attack or a cluster check
 * that fails once has found something. Flaky tests elsewhere are counted and named, never as passed.
 */
export const STRICT_PROJECTS = new Set(['security', 'cluster']);

/** Every test of a Playwright json report, with its project and final status. */
function playwrightTests(suite, out = []) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      out.push({ title: `[${test.projectName}] ${spec.file}:${spec.line} › ${spec.title}`, project: test.projectName, status: test.status });
    }
  }
  for (const child of suite.suites ?? []) playwrightTests(child, out);
  return out;
}

/**
 * Playwright's json reporter: each test ends `expected` (passed), `unexpected` (failed),
 * `flaky` (failed, then passed on a retry) or `skipped`. Flaky is counted apart, never as passed.
 */
export function readPlaywrightReport(text) {
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    return null;
  }
  if (!report || !Array.isArray(report.suites) || typeof report.stats !== 'object') return null;
  const tests = report.suites.flatMap((suite) => playwrightTests(suite));
  const counts = { passed: 0, failed: 0, flaky: 0, flakyBlocking: 0, skipped: 0, flakyTests: [] };
  for (const test of tests) {
    if (test.status === 'expected') counts.passed += 1;
    else if (test.status === 'flaky') {
      counts.flaky += 1;
      if (STRICT_PROJECTS.has(test.project)) counts.flakyBlocking += 1;
      counts.flakyTests.push(test.title);
    } else if (test.status === 'skipped') counts.skipped += 1;
    else counts.failed += 1;
  }
  // Errors outside any test (a global setup that threw, a web server that never came up).
  if (Array.isArray(report.errors) && report.errors.length > 0 && counts.failed === 0) counts.failed += report.errors.length;
  return counts;
}

/**
 * Whether a finished step passed, and why not. A test step passes only with exit code 0, a
 * report, at least one test, no failed test, and no flaky test in a strict project (STRICT_PROJECTS).
 */
export function judgeStep({ code, counts, hasReport }) {
  if (code !== 0) return { ok: false, reason: `exit ${code}` };
  if (!hasReport) return { ok: true, reason: null };
  if (!counts) return { ok: false, reason: 'no parsable test report' };
  if (counts.passed + counts.failed + counts.flaky === 0) return { ok: false, reason: 'no tests ran' };
  if (counts.failed > 0) return { ok: false, reason: `${counts.failed} failed` };
  if (counts.flakyBlocking > 0) return { ok: false, reason: `${counts.flakyBlocking} flaky in ${[...STRICT_PROJECTS].join('/')}` };
  return { ok: true, reason: null };
}

// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const dash = argv.indexOf('--');
  const own = dash === -1 ? argv : argv.slice(0, dash);
  const extra = dash === -1 ? [] : argv.slice(dash + 1);
  let only = null;
  let skipE2e = false;
  for (const arg of own) {
    if (arg === '--skip-e2e') skipE2e = true;
    else if (arg.startsWith('--only=')) only = arg.slice('--only='.length).split(',').filter(Boolean);
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node scripts/test-all.mjs [--skip-e2e] [--only=step[,step]] [-- args for a single step]');
      console.log(`steps: ${STEPS.map((s) => s.name).join(', ')}`);
      process.exit(0);
    } else {
      console.error(`test-all: unknown argument ${arg}`);
      process.exit(2);
    }
  }
  if (only) {
    const unknown = only.filter((name) => !STEPS.some((s) => s.name === name));
    if (unknown.length) {
      console.error(`test-all: unknown step(s) ${unknown.join(', ')}; steps: ${STEPS.map((s) => s.name).join(', ')}`);
      process.exit(2);
    }
  }
  let steps = STEPS.filter((s) => (only ? only.includes(s.name) : true));
  if (skipE2e) steps = steps.filter((s) => s.name !== 'e2e');
  if (extra.length && steps.length !== 1) {
    console.error('test-all: arguments after -- need exactly one step (--only=<step>)');
    process.exit(2);
  }
  return { steps, extra };
}

let current = null;

function runStep(step, extra, env, reportDir) {
  return new Promise((resolve) => {
    const started = Date.now();
    const reportFile = step.report ? join(reportDir, `${step.name}.json`) : null;
    const report = step.report ? step.report(reportFile) : { args: [], env: {} };
    const args = [...step.args, ...report.args, ...extra];
    console.log(`\n━━━ ${step.name}: ${[step.command.replace(`${root}/`, ''), ...args].join(' ')}`);
    const child = spawn(step.command, args, { cwd: root, env: { ...env, ...report.env }, stdio: ['ignore', 'inherit', 'inherit'] });
    current = child;
    const finish = (code, error) => {
      current = null;
      const seconds = (Date.now() - started) / 1000;
      let counts = null;
      if (reportFile) {
        try {
          counts = step.read(readFileSync(reportFile, 'utf8'));
        } catch {
          counts = null; // no report written
        }
      }
      const verdict = judgeStep({ code, counts, hasReport: !!reportFile });
      resolve({ name: step.name, code, error, seconds, counts, ...verdict });
    };
    child.on('error', (error) => finish(127, error));
    child.on('close', (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const { steps, extra } = parseArgs(process.argv.slice(2));
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
  // Children write to a pipe; keep colours when a person is watching.
  if (process.stdout.isTTY && !env.NO_COLOR && !env.FORCE_COLOR) env.FORCE_COLOR = '1';

  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      current?.kill(signal);
      console.error(`\ntest-all: ${signal}, stopping`);
      process.exit(130);
    });
  }

  const reportDir = mkdtempSync(join(tmpdir(), 'test-all-'));
  const results = [];
  for (const step of steps) {
    const result = await runStep(step, extra, { ...env, ...step.env }, reportDir);
    results.push(result);
    if (result.error) console.error(`test-all: could not run ${step.name}: ${result.error.message}`);
    if (!result.ok) break;
  }
  rmSync(reportDir, { recursive: true, force: true });

  const total = { passed: 0, failed: 0, flaky: 0, skipped: 0 };
  console.log('\n━━━ summary');
  for (const step of steps) {
    const result = results.find((r) => r.name === step.name);
    if (!result) {
      console.log(`  ${step.name.padEnd(10)} not run`);
      continue;
    }
    const { ok } = result;
    let detail = '';
    if (result.counts) {
      const { passed, failed, flaky, skipped } = result.counts;
      total.passed += passed;
      total.failed += failed;
      total.flaky += flaky;
      total.skipped += skipped;
      detail = `  tests: ${passed} passed / ${failed} failed${flaky ? ` / ${flaky} flaky` : ''}${skipped ? ` / ${skipped} skipped` : ''}`;
      // A step that failed without a failing test (a crash, a setup error, no tests, a flaky
      // security test) still counts as one failure, so a broken run never ends in `0 failed`.
      if (!ok && failed === 0) total.failed += Math.max(1, result.counts.flakyBlocking ?? 0);
      for (const title of result.counts.flakyTests) console.log(`    flaky: ${title}`);
    } else if (!ok) {
      total.failed += 1;
    }
    console.log(`  ${step.name.padEnd(10)} ${ok ? 'ok    ' : `FAILED (${result.reason})`} ${result.seconds.toFixed(1)}s${detail}`);
  }
  const failedStep = results.find((r) => !r.ok);
  if (failedStep) console.log(`  stopped at ${failedStep.name}`);
  console.log(`${total.passed} passed, ${total.failed} failed${total.flaky ? `, ${total.flaky} flaky` : ''}${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  process.exit(failedStep ? 1 : 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
