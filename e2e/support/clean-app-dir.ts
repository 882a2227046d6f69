// A directory that runs the production build WITHOUT the developer's .env files.
//
// `next start` reads .env, .env.production and .env.local from its project directory, and
// `npm run dev` writes a generated AUTH_SECRET into .env.local. A test that needs an environment
// without them (the start-up refusals: no AUTH_SECRET, an http:// APP_URL, no CRON_SECRET) would
// then silently get the developer's values. This builds e2e/.tmp/clean-<name>/ holding links to
// the build, the dependencies and the config, and no .env file: `next start` run there sees only
// the environment the test passes.
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** What `next start` needs from the project: the build, modules, config, static files, clients. */
const ENTRIES = ['node_modules', 'package.json', 'next.config.js', 'public', 'lib', 'prisma'];

export function cleanAppDir(name: string, distDir = process.env.NEXT_DIST_DIR ?? '.next'): string {
  const dir = join(root, 'e2e/.tmp', `clean-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of [distDir, ...ENTRIES]) {
    if (existsSync(join(root, entry))) symlinkSync(join(root, entry), join(dir, entry));
  }
  for (const file of ['.env', '.env.local', '.env.production', '.env.production.local']) {
    if (existsSync(join(dir, file))) throw new Error(`${file} in ${dir}: the clean directory is not clean`);
  }
  return dir;
}

/** The `next` binary of the project (run with cwd = a clean directory). */
export const NEXT_BIN = join(root, 'node_modules/.bin/next');
