#!/usr/bin/env node
// `npm run test:mutation:changed`: mutation testing of the security-core files a change touched,
// for CI, where the full run (`npm run test:mutation`) is too slow.
//
// 1. Reads reports/stryker-base.json (written by scripts/mutation-run.mjs after a full or
//    incremental run): the commit the committed reports/stryker-incremental.json was produced on.
// 2. Lists the files changed since that commit (committed, staged, unstaged and untracked) and
//    keeps the entries of stryker.config.mjs's `mutate` whose file is among them, line ranges as
//    they are, plus any entry that was not in the base run's list at all.
// 3. None: prints "mutation: no security-core file changed since <sha>" and exits 0.
//    Some: runs Stryker on those entries only, incremental from a copy of the committed report
//    (so CI never rewrites it), with thresholds.break = 90: a score under 90 % exits non-zero.
//    The score is of the whole set (Stryker keeps the reused results of the other files).
//
// Where the base commit is not in the clone (a shallow CI checkout), the files' SHA-256 recorded
// next to it decide instead (`hashes`); only a base with neither retests every entry.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BASE_FILE = 'reports/stryker-base.json';
export const BREAK_AT = 90;

/** The file of a `mutate` entry: `lib/auth/http/cookies.ts:93-121` (or `:93:1-121:2`) → that file. */
export function mutateFile(entry) {
  return entry.replace(/:\d+(?::\d+)?-\d+(?::\d+)?$/, '');
}

/**
 * The incremental report without mutants the `mutate` list no longer covers: a file taken out, or
 * a mutant not wholly inside a range (Stryker's own rule). Stryker would otherwise carry their old
 * results into every later report and score, for example after a range moved. Entries: `path`,
 * `path:L1-L2` (whole lines) or `path:L1:C1-L2:C2`; globs and `!` exclusions are not supported.
 */
export function pruneIncremental(report, mutate) {
  const ranges = new Map();
  for (const entry of mutate) {
    if (/[*?!{}[\]]/.test(entry)) throw new Error(`mutation: pruneIncremental reads plain paths and line ranges, not ${entry}`);
    const file = mutateFile(entry);
    const range = entry.slice(file.length).match(/^:(\d+)(?::(\d+))?-(\d+)(?::(\d+))?$/);
    const list = ranges.get(file) ?? [];
    list.push(
      range
        ? { from: [Number(range[1]), range[2] ? Number(range[2]) : 0], to: [Number(range[3]), range[4] ? Number(range[4]) : Infinity] }
        : { from: [0, 0], to: [Infinity, Infinity] },
    );
    ranges.set(file, list);
  }
  const atOrAfter = (a, b) => a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);
  const files = {};
  for (const [file, result] of Object.entries(report.files ?? {})) {
    const list = ranges.get(file);
    if (!list) continue;
    const within = ({ location: { start, end } }) =>
      list.some(({ from, to }) => atOrAfter([start.line, start.column], from) && atOrAfter(to, [end.line, end.column]));
    files[file] = { ...result, mutants: result.mutants.filter(within) };
  }
  return { ...report, files };
}

/**
 * The `mutate` entries to retest: those whose file is among `changedPaths`, and (when the base
 * run's list is known) those the base run did not mutate at all. Order as in `mutate`.
 */
export function changedEntries({ mutate, changedPaths, baseMutate }) {
  const changed = new Set(changedPaths);
  const before = baseMutate ? new Set(baseMutate) : null;
  return mutate.filter((entry) => changed.has(mutateFile(entry)) || (before !== null && !before.has(entry)));
}

function git(cwd, ...args) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return { ok: result.status === 0, out: (result.stdout ?? '').trim(), err: (result.stderr ?? '').trim() };
}

/** Whether `sha` names a commit this clone has. */
export function hasCommit(sha, cwd = root) {
  return /^[0-9a-f]{7,40}$/i.test(sha) && git(cwd, 'cat-file', '-e', `${sha}^{commit}`).ok;
}

/**
 * Paths (relative to the repository) that differ between commit `sha` and the working tree:
 * committed since, staged or not, and untracked files git does not ignore.
 */
export function changedPathsSince(sha, cwd = root) {
  const diff = git(cwd, 'diff', '--name-only', '--no-renames', sha, '--');
  if (!diff.ok) throw new Error(`git diff ${sha}: ${diff.err}`);
  const untracked = git(cwd, 'ls-files', '--others', '--exclude-standard');
  if (!untracked.ok) throw new Error(`git ls-files: ${untracked.err}`);
  return [...diff.out.split('\n'), ...untracked.out.split('\n')].filter(Boolean);
}

/** SHA-256 of each file's content (null for a missing file), for a clone without the base commit. */
export function fileHashes(files, cwd = root) {
  return Object.fromEntries(
    [...new Set(files)].sort().map((file) => [file, existsSync(join(cwd, file)) ? createHash('sha256').update(readFileSync(join(cwd, file))).digest('hex') : null]),
  );
}

/** The files whose content differs from the recorded hashes (or that were not recorded). */
export function changedByHash(recorded, files, cwd = root) {
  const now = fileHashes(files, cwd);
  return Object.keys(now).filter((file) => !(file in recorded) || recorded[file] !== now[file]);
}

async function main() {
  const started = Date.now();
  const { default: config } = await import('../stryker.config.mjs');
  if (!existsSync(join(root, BASE_FILE))) {
    console.error(`mutation: ${BASE_FILE} is missing; run \`npm run test:mutation\` once and commit it with reports/stryker-incremental.json`);
    process.exit(2);
  }
  const base = JSON.parse(readFileSync(join(root, BASE_FILE), 'utf8'));
  let entries;
  if (hasCommit(base.commit)) {
    entries = changedEntries({ mutate: config.mutate, changedPaths: changedPathsSince(base.commit), baseMutate: base.mutate });
  } else if (base.hashes) {
    console.log(`mutation: base commit ${base.commit} is not in this clone (shallow?); comparing the files' recorded SHA-256`);
    const changedPaths = changedByHash(base.hashes, config.mutate.map(mutateFile));
    entries = changedEntries({ mutate: config.mutate, changedPaths, baseMutate: base.mutate });
  } else {
    console.log(`mutation: base commit ${base.commit} is not in this clone (shallow?); retesting every security-core file`);
    entries = config.mutate;
  }
  if (entries.length === 0) {
    console.log(`mutation: no security-core file changed since ${base.commit}`);
    return;
  }
  console.log(`mutation: changed since ${base.commit}: ${entries.join(', ')}`);

  // Incremental from a copy: the committed report is the base, and CI leaves it as it is.
  const work = join(root, '.cache', 'stryker-changed');
  mkdirSync(work, { recursive: true });
  const incrementalFile = join('.cache', 'stryker-changed', 'stryker-incremental.json');
  // Pruned to the current list, so a range moved in this change cannot bring old results back.
  const committed = JSON.parse(readFileSync(join(root, config.incrementalFile), 'utf8'));
  writeFileSync(join(root, incrementalFile), JSON.stringify(pruneIncremental(committed, config.mutate)));
  const configFile = join(work, 'stryker.config.mjs');
  writeFileSync(
    configFile,
    `// Generated by scripts/mutation-changed.mjs.\nimport config from '../../stryker.config.mjs';\n` +
      `export default { ...config, mutate: ${JSON.stringify(entries)}, incrementalFile: ${JSON.stringify(incrementalFile)},\n` +
      `  thresholds: { ...config.thresholds, break: ${BREAK_AT} }, tempDirName: '.cache/stryker-changed/tmp' };\n`,
  );
  const run = spawnSync('nice', ['-n', '19', 'npx', 'stryker', 'run', configFile], { cwd: root, stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (run.status !== 0) {
    console.error(`mutation: FAILED (stryker exited ${run.status ?? run.signal}; a score under ${BREAK_AT} % exits 1) after ${seconds} s`);
    process.exit(run.status || 1);
  }
  console.log(`mutation: passed (score >= ${BREAK_AT} %) in ${seconds} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
