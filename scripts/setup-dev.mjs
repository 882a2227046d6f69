#!/usr/bin/env node
// Runs before `npm run dev` (predev): makes a fresh clone work with no set-up.
//   1. Generates a development AUTH_SECRET into .env.local if there is none.
//   2. Creates and migrates the database (an SQLite file under data/, lib/database-url.mjs, unless
//      DATABASE_URL says otherwise) and seeds the catalogue. Both steps are idempotent, so this is
//      cheap on every run.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLocalEnv } from './local-env.mjs';

const root = join(import.meta.dirname, '..');
const envLocal = join(root, '.env.local');

loadLocalEnv(root);

if (!process.env.AUTH_SECRET) {
  const secret = randomBytes(48).toString('base64url');
  const prefix = existsSync(envLocal) && !readFileSync(envLocal, 'utf8').endsWith('\n') ? '\n' : '';
  appendFileSync(envLocal, `${prefix}# Generated for development by scripts/setup-dev.mjs. Never reuse it in production.\nAUTH_SECRET=${secret}\n`);
  process.env.AUTH_SECRET = secret;
  console.log('Generated a development AUTH_SECRET into .env.local');
}

const tsx = join(root, 'node_modules/.bin/tsx');
for (const script of ['scripts/migrate.ts', 'prisma/seed.ts']) {
  const result = spawnSync(tsx, [script], { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
