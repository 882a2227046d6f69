// Packages the bench compares us with, kept out of the project's own dependencies.
//
// Peers such as Auth.js declare peer ranges (old nodemailer, old SimpleWebAuthn) that conflict
// with what this app ships, which would make `npm ci` refuse the lock file. So each peer is
// installed on first use into its own folder under .cache/bench-peers (git-ignored) at a pinned
// version, then loaded from there.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');

export const PEER_PACKAGES = {
  '@auth/core': '0.41.3',
} as const;

type PeerName = keyof typeof PEER_PACKAGES;

/** The folder a peer lives in, installed there first if missing. */
export function ensurePeer(name: PeerName): string {
  const version = PEER_PACKAGES[name];
  const prefix = join(root, '.cache/bench-peers', `${name.replace('/', '__')}@${version}`);
  if (!existsSync(join(prefix, 'node_modules', name, 'package.json'))) {
    mkdirSync(prefix, { recursive: true });
    writeFileSync(join(prefix, 'package.json'), JSON.stringify({ private: true }));
    console.log(`[bench] installing ${name}@${version} into ${prefix}`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--legacy-peer-deps', `${name}@${version}`], {
      cwd: prefix,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return prefix;
}

/** Imports `specifier` (a peer or one of its subpaths) from the peer's own folder. */
export async function importPeer<T>(name: PeerName, specifier: string = name): Promise<T> {
  const prefix = ensurePeer(name);
  const resolved = createRequire(join(prefix, 'package.json')).resolve(specifier);
  return (await import(pathToFileURL(resolved).href)) as T;
}
