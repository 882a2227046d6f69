#!/usr/bin/env node
// `npm run test:mutation`: Stryker over the whole `mutate` list of stryker.config.mjs (incremental),
// then, when it succeeded, a note of what the committed incremental report was produced on:
//
//   reports/stryker-base.json  { commit, dirty, date, mutate, hashes }
//
// `npm run test:mutation:changed` (scripts/mutation-changed.mjs) reads it to find which mutated
// files changed since that commit. `commit` is HEAD at the time of the run; `dirty` lists the
// mutated files that had uncommitted changes then (the report already includes them; the changed
// run will retest them once, cheaply, because incremental mode reuses their unchanged mutants).
//
// Extra arguments go to `stryker run` (e.g. `npm run test:mutation -- --force`).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import config from '../stryker.config.mjs';
import { changedPathsSince, fileHashes, hasCommit, mutateFile, pruneIncremental } from './mutation-changed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BASE_FILE = 'reports/stryker-base.json';

function git(...args) {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

function readBase() {
  try {
    return JSON.parse(readFileSync(join(root, BASE_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/** The previous base's entries whose file has not changed since its commit. */
function stillValid(previous) {
  if (!previous || !hasCommit(previous.commit, root)) return [];
  const changed = new Set(changedPathsSince(previous.commit, root));
  return (previous.mutate ?? []).filter((entry) => !changed.has(mutateFile(entry)));
}

/** The entries of a `--mutate`/`-m` argument (comma-separated), or null when there is none. */
export function mutateArgument(args) {
  const at = args.findIndex((arg) => arg === '--mutate' || arg === '-m' || arg.startsWith('--mutate='));
  if (at === -1) return null;
  const value = args[at].startsWith('--mutate=') ? args[at].slice('--mutate='.length) : args[at + 1];
  return value ? value.split(',').filter(Boolean) : null;
}

function pruneIncrementalFile() {
  const file = join(root, config.incrementalFile);
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return;
  }
  writeFileSync(file, JSON.stringify(pruneIncremental(report, config.mutate), null, 2));
}

function main() {
  const started = Date.now();
  pruneIncrementalFile();
  const run = spawnSync('nice', ['-n', '19', 'npx', 'stryker', 'run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  // Again after the run: the locations are now those of the current files.
  pruneIncrementalFile();
  if (run.status !== 0) {
    console.error(`mutation: stryker exited ${run.status ?? run.signal} after ${seconds} s; ${BASE_FILE} left as it was`);
    process.exit(run.status || 1);
  }
  const commit = git('rev-parse', 'HEAD');
  const changed = new Set(changedPathsSince(commit, root));
  // A partial run (`--mutate a,b`) records what it ran plus what the previous base recorded of
  // files unchanged since then (their results still hold); the changed run retests the rest.
  const partial = mutateArgument(process.argv.slice(2));
  const mutate = partial ? [...new Set([...partial, ...stillValid(readBase())])] : config.mutate;
  const dirty = mutate.map(mutateFile).filter((file) => changed.has(file));
  // The mutated files' content as the report saw it: what a clone without `commit` compares.
  const hashes = fileHashes(mutate.map(mutateFile), root);
  const base = { commit, dirty, date: new Date().toISOString(), seconds, mutate, hashes };
  writeFileSync(join(root, BASE_FILE), JSON.stringify(base, null, 2) + '\n');
  console.log(`mutation: ${BASE_FILE} records ${commit}${dirty.length ? ` (with uncommitted changes to ${dirty.join(', ')})` : ''}; run took ${seconds} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
