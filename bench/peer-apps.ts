// The peer apps of the bench: minimal Next.js apps on Better Auth and Auth.js (sources in
// bench/peers/<name>), each copied into .cache/bench-peers/app-<name>@<version>, given its pinned
// auth package there (never the project's own dependencies: see peer-packages.ts) and built with
// the repository's own Next and React. Rebuilt only when its sources or the pin change.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');

export const PEER_APPS = {
  'better-auth': { packages: { 'better-auth': '1.7.25' }, label: 'Better Auth 1.7.25 (database sessions)' },
  'next-auth': { packages: { 'next-auth': '5.0.0-beta.32' }, label: 'Auth.js / next-auth 5.0.0-beta.32 (JWT sessions)' },
} as const;

export type PeerAppName = keyof typeof PEER_APPS;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A digest of the peer's sources and pins: a change makes a fresh build. */
function sourceDigest(name: PeerAppName): string {
  const source = join(root, 'bench/peers', name);
  const hash = createHash('sha256').update(JSON.stringify(PEER_APPS[name].packages));
  for (const file of filesUnder(source).sort()) hash.update(relative(source, file)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** The peer's built app folder, installed and built first when missing or stale. */
export function preparePeerApp(name: PeerAppName, log: (line: string) => void): string {
  const { packages } = PEER_APPS[name];
  const dir = join(root, '.cache/bench-peers', `app-${name}`);
  const digest = sourceDigest(name);
  const stamp = join(dir, '.bench-digest');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest && existsSync(join(dir, '.next/BUILD_ID'))) return dir;

  log(`  preparing peer ${name} in ${relative(root, dir)}`);
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir)) if (entry !== 'node_modules') rmSync(join(dir, entry), { recursive: true, force: true });
  cpSync(join(root, 'bench/peers', name), dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, type: 'module' }, null, 2));
  const specs = Object.entries(packages).map(([pkg, version]) => `${pkg}@${version}`);
  const installed = Object.entries(packages).every(([pkg, version]) => {
    const manifest = join(dir, 'node_modules', pkg, 'package.json');
    return existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version === version;
  });
  if (!installed) {
    log(`  npm install ${specs.join(' ')}`);
    // --legacy-peer-deps: next, react and better-sqlite3 come from the repository's node_modules
    // (Node walks up from this folder), so both apps run the very same versions as ours.
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--no-package-lock', '--legacy-peer-deps', ...specs], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  log(`  next build (${name})`);
  execFileSync(join(root, 'node_modules/.bin/next'), ['build'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    // Build-time stand-ins: both libraries complain without a secret even while only collecting pages.
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: '', NODE_ENV: 'production', BETTER_AUTH_SECRET: 'build-only-secret-build-only-secret-0123', BETTER_AUTH_URL: 'http://127.0.0.1', AUTH_SECRET: 'build-only-secret-build-only-secret-0123' },
  });
  writeFileSync(stamp, digest);
  return dir;
}
