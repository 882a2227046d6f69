// Global setup of the int-sqlite and int-postgres Vitest projects (see vitest.config.ts).
//
// Once per project run: create a fresh database, apply every migration, seed it, then
//   - put its URL into the project's env, which Vitest copies into each worker's process.env
//     when the worker starts (so DATABASE_URL is right before any test module is imported);
//   - provide it to tests: `inject('databaseUrl')`, `inject('databaseProvider')`.
// The database is dropped when the project finishes.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { isCI } from '../scripts/ci.mjs';
import { createTestDatabase } from './database.ts';
import { postgresAvailable } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseProvider: 'sqlite' | 'postgres';
  }
}

const root = process.cwd();

/** Runs prisma/seed.ts in its own process against `url`. */
export function runSeed(url: string, extraEnv: Record<string, string> = {}): Promise<boolean> {
  const seedFile = join(root, 'prisma/seed.ts');
  if (!existsSync(seedFile)) {
    console.warn('[int setup] WARNING: prisma/seed.ts does not exist; the test database is not seeded.');
    return Promise.resolve(false);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'node_modules/.bin/tsx'), [seedFile], {
      cwd: root,
      env: { ...process.env, ...extraEnv, DATABASE_URL: url },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve(true) : reject(new Error(`prisma/seed.ts failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = project.config.env as Record<string, string>;
  const provider = env.TEST_DB_PROVIDER;
  if (provider !== 'sqlite' && provider !== 'postgres') {
    throw new Error(`[int setup] project ${project.name}: TEST_DB_PROVIDER must be sqlite or postgres`);
  }

  if (provider === 'postgres' && !(await postgresAvailable())) {
    // vitest.config.ts already leaves the project out locally when Postgres is down, so getting
    // here means CI (where it must run) or Postgres went away in between: fail either way.
    throw new Error(
      `[int setup] PostgreSQL is not reachable${isCI ? ' and CI=true: Postgres tests never skip in CI' : ''}.`,
    );
  }

  // createTestDatabase applies every migration (the same runner `npm run db:migrate` uses).
  const db = await createTestDatabase(provider);
  try {
    const seeded = await runSeed(db.url, env);
    console.log(`[int setup] ${project.name}: fresh migrated${seeded ? ' and seeded' : ''} ${provider} database ready`);
  } catch (error) {
    await db.drop().catch(() => {});
    throw error;
  }

  env.DATABASE_URL = db.url;
  project.provide('databaseUrl', db.url);
  project.provide('databaseProvider', provider);

  return async () => {
    await db.drop();
  };
}
