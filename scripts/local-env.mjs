// The local .env files for the scripts that run outside Next (set-up, migrate, seed), loaded in
// Next's order: values already in the environment win, then .env.local, then .env.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} [root] the folder holding the .env files (the working directory by default) */
export function loadLocalEnv(root = process.cwd()) {
  for (const file of ['.env.local', '.env']) {
    const path = join(root, file);
    if (existsSync(path)) process.loadEnvFile(path);
  }
}
