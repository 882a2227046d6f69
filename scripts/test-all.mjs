#!/usr/bin/env node
// `npm test`: every check CI runs, in order, stopping at the first failure.
//
//   typecheck  tsc --noEmit
//   lint       eslint .
//   vitest     vitest run            (projects unit, edge, int-sqlite, int-postgres)
//   build      next build            (production build; also type-checks)
//   vercel     npm run vercel:check  (`vercel build` offline; Edge middleware, no SQLite driver
//                                     in Node functions; skips only if the CLI cannot be installed)
//   e2e        playwright test       (drives `next start` on that build; the cluster project adds
//                                     two instances behind nginx on Postgres)
//
// Each step's output streams through unchanged. At the end it prints what ran and one final
// line `N passed, N failed` (plus `, N skipped` when any), totalling the Vitest and Playwright
// tests; a failing step that reports no test counts of its own (tsc, eslint, a build, a crash)
// counts as one failure, so a broken run never ends in `0 failed`.
//
// Local use:
//   npm test -- --skip-e2e                 everything but Playwright
//   npm test -- --only=vitest              one step (comma-separate several: --only=lint,vitest)
//   npm test -- --only=vitest -- --project unit   extra arguments go to the single step
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);

const STEPS = [
  { name: 'typecheck', command: bin('tsc'), args: ['--noEmit'] },
  { name: 'lint', command: bin('eslint'), args: ['.'] },
  { name: 'vitest', command: bin('vitest'), args: ['run'], parse: parseVitest },
  { name: 'build', command: bin('next'), args: ['build'] },
  // The benchmark's smoke mode (tiny iteration counts) against this build, so the bench cannot rot.
  { name: 'bench-smoke', command: bin('vitest'), args: ['run', '--config', 'bench/vitest.config.ts'], env: { NEXT_DIST_DIR: '.next' }, parse: parseVitest },
  { name: 'vercel', command: process.execPath, args: [join(root, 'scripts/vercel-check.mjs')] },
  { name: 'e2e', command: bin('playwright'), args: ['test'], parse: parsePlaywright },
];

// ---------------------------------------------------------------------------------------------
// Summary parsing (exported for tests)

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g;
export const stripAnsi = (text) => text.replace(ANSI, '');

const count = (line, word) => Number(new RegExp(`(\\d+) ${word}\\b`).exec(line)?.[1] ?? 0);

/** Vitest's summary: `      Tests  1 failed | 11 passed | 2 skipped (14)` (the last one wins). */
export function parseVitest(output) {
  const lines = stripAnsi(output)
    .split(/\r?\n/)
    .filter((line) => /^\s*Tests\s+\d/.test(line));
  const line = lines.at(-1);
  if (!line) return null;
  return {
    passed: count(line, 'passed'),
    failed: count(line, 'failed'),
    skipped: count(line, 'skipped') + count(line, 'todo'),
  };
}

/** Playwright's list/line reporter footer: `  2 failed`, `  1 flaky`, `  3 skipped`, `  10 passed (12.3s)`. */
export function parsePlaywright(output) {
  const result = { passed: 0, failed: 0, skipped: 0 };
  let found = false;
  for (const line of stripAnsi(output).split(/\r?\n/)) {
    const match = /^\s*(\d+) (passed|failed|flaky|skipped|did not run|interrupted)\b/.exec(line);
    if (!match) continue;
    found = true;
    const n = Number(match[1]);
    const kind = match[2];
    if (kind === 'passed' || kind === 'flaky') result.passed += n; // flaky: passed on retry
    else if (kind === 'failed' || kind === 'interrupted') result.failed += n;
    else result.skipped += n;
  }
  return found ? result : null;
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

function runStep(step, extra, env) {
  return new Promise((resolve) => {
    const started = Date.now();
    const args = [...step.args, ...extra];
    console.log(`\n━━━ ${step.name}: ${[step.command.replace(`${root}/`, ''), ...args].join(' ')}`);
    const child = spawn(step.command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    current = child;
    // Keep the tail of the output for the summary parsers (summaries come last).
    let tail = '';
    const keep = (chunk) => {
      tail = (tail + chunk.toString('utf8')).slice(-400_000);
    };
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      keep(chunk);
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      keep(chunk);
    });
    const finish = (code, error) => {
      current = null;
      const seconds = (Date.now() - started) / 1000;
      resolve({ name: step.name, code, error, seconds, counts: step.parse ? step.parse(tail) : null });
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

  const results = [];
  for (const step of steps) {
    const result = await runStep(step, extra, { ...env, ...step.env });
    results.push(result);
    if (result.error) console.error(`test-all: could not run ${step.name}: ${result.error.message}`);
    if (result.code !== 0) break;
  }

  const total = { passed: 0, failed: 0, skipped: 0 };
  console.log('\n━━━ summary');
  for (const step of steps) {
    const result = results.find((r) => r.name === step.name);
    if (!result) {
      console.log(`  ${step.name.padEnd(10)} not run`);
      continue;
    }
    const ok = result.code === 0;
    let detail = '';
    if (result.counts) {
      const { passed, failed, skipped } = result.counts;
      total.passed += passed;
      total.failed += failed;
      total.skipped += skipped;
      detail = `  tests: ${passed} passed / ${failed} failed${skipped ? ` / ${skipped} skipped` : ''}`;
      if (!ok && failed === 0) total.failed += 1; // failed without a failing test (crash, setup, no tests)
    } else if (!ok) {
      total.failed += 1;
    }
    console.log(`  ${step.name.padEnd(10)} ${ok ? 'ok    ' : `FAILED (exit ${result.code})`} ${result.seconds.toFixed(1)}s${detail}`);
  }
  const failedStep = results.find((r) => r.code !== 0);
  if (failedStep) console.log(`  stopped at ${failedStep.name}`);
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  process.exit(failedStep ? 1 : 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
