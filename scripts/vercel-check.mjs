#!/usr/bin/env node
// `npm run vercel:check` (also a step of `npm test`): builds the app the way Vercel does, offline,
// and checks the output Vercel would deploy.
//
//   1. uses the Vercel CLI (vercel@60.1.3, installed on first use into .cache/vercel-cli). Only
//      when the CLI cannot be installed at all does this skip, saying so.
//   2. writes .vercel/project.json (git-ignored) so `vercel build` needs no account or network,
//      then runs `vercel build --yes` with a Postgres DATABASE_URL and a dummy AUTH_SECRET (the
//      build must not touch the database: migrations are a separate step, see docs/deploy.md);
//   3. checks .vercel/output:
//      - the middleware is an Edge function (functions/middleware.func or _middleware.func, runtime "edge");
//      - no Node.js function ships better-sqlite3 (the native SQLite driver): a Postgres
//        deployment must load only pg (lib/db/client.ts imports the configured adapter only,
//        but file tracing can still copy the other one in);
//      - the prerendered front page (lib/prerendered-front-page.ts) is served as Vercel would: its
//        rewrite comes after the middleware in the routes (it matches a request header the
//        middleware sets), and the middleware's code names the page's script hashes (Vercel ran
//        `npm run build`, scripts/build.mjs), not the build's placeholder.
//   Exit 1 on any problem. Builds into NEXT_DIST_DIR=.next-vercel (unless set), so the `.next`
//   that `npm test`'s build step made for the Playwright servers is left as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRERENDERED_FRONT_PAGE_HEADER, PRERENDERED_FRONT_PAGE_PATH, SCRIPT_HASHES_PLACEHOLDER, SHA256_SOURCE_PATTERN } from '../lib/prerendered-front-page-names.mjs';
import { jsFilesUnder } from './js-files-under.mjs';
import { isCI } from './ci.mjs';

const VERCEL_VERSION = '60.1.3';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, '.vercel/output');
const FORBIDDEN = /(^|[\\/])(better-sqlite3|@prisma[\\/]adapter-better-sqlite3)([\\/]|$)/;

const log = (line) => console.log(`[vercel-check] ${line}`);
const problems = [];

/**
 * The Vercel CLI lives in its own folder (.cache/vercel-cli), not in the project's dependencies:
 * its lock entries name platform packages this registry mirror does not have, which would make
 * `npm ci` refuse the project's lock file. Installed on first use, then reused.
 */
function vercelBinary() {
  const prefix = join(root, '.cache/vercel-cli');
  const local = join(prefix, 'node_modules/.bin/vercel');
  const version = (bin) => spawnSync(bin, ['--version'], { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  if (existsSync(local) && `${version(local).stdout}${version(local).stderr}`.includes(VERCEL_VERSION)) return local;
  log(`installing vercel@${VERCEL_VERSION} into .cache/vercel-cli`);
  mkdirSync(prefix, { recursive: true });
  const install = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', `vercel@${VERCEL_VERSION}`], {
    cwd: root,
    stdio: 'inherit',
  });
  if (install.status === 0 && existsSync(local)) return local;
  return null;
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Every .func directory under functions/ (they may nest: functions/api/me.func). */
function functionDirs(dir, found = []) {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (!statSync(path).isDirectory()) continue;
    if (entry.endsWith('.func')) found.push(path);
    else functionDirs(path, found);
  }
  return found;
}

/** Files of one function: its directory (following symlinks) and its .vc-config filePathMap. */
function functionFiles(funcDir, config) {
  const files = [];
  const seen = new Set();
  const walk = (dir) => {
    let real;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      let stats;
      try {
        stats = statSync(path);
      } catch {
        continue;
      }
      if (stats.isDirectory()) walk(path);
      else files.push(relative(funcDir, path));
    }
  };
  walk(funcDir);
  for (const [to, from] of Object.entries(config.filePathMap ?? {})) files.push(to, String(from));
  return files;
}

function main() {
  const vercel = vercelBinary();
  if (!vercel) {
    log(`SKIPPED: the Vercel CLI (vercel@${VERCEL_VERSION}) could not be installed, so the Vercel build was not checked.`);
    // Locally a missing CLI is a notice; in CI an unchecked deploy target is a failure.
    process.exit(isCI ? 1 : 0);
  }

  const distDir = process.env.NEXT_DIST_DIR || '.next-vercel';
  // What `vercel link` would write; settings make `vercel build` work with no API access.
  mkdirSync(join(root, '.vercel'), { recursive: true });
  writeFileSync(
    join(root, '.vercel/project.json'),
    `${JSON.stringify(
      {
        projectId: 'prj_local',
        orgId: 'team_local',
        settings: {
          framework: 'nextjs',
          buildCommand: null,
          installCommand: null,
          outputDirectory: distDir, // @vercel/next looks for the build here
          rootDirectory: null,
          devCommand: null,
          nodeVersion: '20.x',
        },
      },
      null,
      2,
    )}\n`,
  );

  const env = {
    ...process.env,
    DATABASE_URL: 'postgres://vercel:check@127.0.0.1:9/vercel_check', // never contacted by a build
    AUTH_SECRET: 'vercel-check-dummy-secret-0123456789-abcdefghijk',
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: '1',
    VERCEL_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: '0',
  };
  delete env.VERCEL_TOKEN;
  log('vercel build --yes (DATABASE_URL=postgres://…, dummy AUTH_SECRET)');
  const build = spawnSync(vercel, ['build', '--yes'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error(`[vercel-check] FAILED: vercel build exited ${build.status ?? build.signal}`);
    process.exit(1);
  }

  // 1. The middleware runs on the Edge runtime.
  // Older builders name it _middleware.func; with Next 16 and vercel 60 it is middleware.func,
  // the one config.json routes name as middlewarePath.
  const routes = existsSync(join(output, 'config.json')) ? readJson(join(output, 'config.json')).routes ?? [] : [];
  const middlewarePath = routes.find((r) => r.middlewarePath)?.middlewarePath;
  const middlewareConfig = [middlewarePath, '_middleware', 'middleware']
    .filter(Boolean)
    .map((name) => join(output, 'functions', `${name}.func/.vc-config.json`))
    .find((file) => existsSync(file));
  if (!middlewareConfig) {
    problems.push('no middleware function (functions/_middleware.func or middleware.func): the middleware was not built');
  } else {
    const runtime = readJson(middlewareConfig).runtime;
    if (runtime !== 'edge') problems.push(`middleware runtime is ${runtime}, expected edge`);
    else log(`middleware: Edge function (${relative(output, dirname(middlewareConfig))}, runtime edge)`);
  }

  // 2. No Node function ships the SQLite driver.
  const funcs = functionDirs(join(output, 'functions'));
  let nodeFunctions = 0;
  const offenders = new Map();
  for (const dir of funcs) {
    const configFile = join(dir, '.vc-config.json');
    if (!existsSync(configFile)) continue;
    const config = readJson(configFile);
    if (!String(config.runtime ?? '').startsWith('nodejs')) continue;
    nodeFunctions++;
    const name = relative(output, dir);
    const bad = [...new Set(functionFiles(dir, config).filter((f) => FORBIDDEN.test(f)))];
    if (bad.length) offenders.set(name, bad);
  }
  log(`${funcs.length} function(s), ${nodeFunctions} on Node.js`);
  if (nodeFunctions === 0) problems.push('no Node.js functions found in .vercel/output/functions');
  for (const [func, files] of offenders) {
    problems.push(`${func} ships better-sqlite3 (${files.length} file(s), e.g. ${files.slice(0, 3).join(', ')})`);
  }
  if (!offenders.size && nodeFunctions) log('no Node.js function contains better-sqlite3');

  // 3. The prerendered front page: the middleware's signal, then the rewrite; the hashes in its code.
  const middlewareRoute = routes.findIndex((r) => r.middlewarePath);
  const frontPageRoute = routes.findIndex((r) => typeof r.dest === 'string' && r.dest.startsWith(PRERENDERED_FRONT_PAGE_PATH) && (r.has ?? []).some((h) => h.type === 'header' && h.key === PRERENDERED_FRONT_PAGE_HEADER));
  if (frontPageRoute < 0) problems.push(`no route rewrites / to ${PRERENDERED_FRONT_PAGE_PATH} on the ${PRERENDERED_FRONT_PAGE_HEADER} header`);
  else if (middlewareRoute < 0 || frontPageRoute < middlewareRoute) problems.push('the front page rewrite comes before the middleware, which sets the header it matches');
  else log(`front page: rewritten after the middleware (routes ${middlewareRoute} and ${frontPageRoute})`);
  if (middlewareConfig) {
    const code = jsFilesUnder(dirname(middlewareConfig)).map((file) => readFileSync(file, 'utf8')).join('\n');
    if (code.includes(SCRIPT_HASHES_PLACEHOLDER)) problems.push("the middleware still carries the front page hashes' placeholder: Vercel did not run npm run build");
    else if (!new RegExp(SHA256_SOURCE_PATTERN).test(code)) problems.push("the middleware's code names no script hash");
    else log("front page: the middleware's code names the prerendered page's script hashes");
  }

  if (problems.length) {
    console.error(`[vercel-check] FAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  log('ok');
}

main();
