#!/usr/bin/env node
// Generates the per-provider Prisma schemas from prisma/models.prisma and then the two
// Prisma clients (lib/generated/sqlite, lib/generated/postgres).
//
// Why a script: Prisma needs one schema file per provider, and its CLI wants to download a
// native schema engine even for `prisma generate`, which it never calls there. Where that
// download is impossible (an offline machine, this project's CI), pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any executable is enough. That workaround lives here and
// nowhere else. Runs on `npm install` (postinstall) and as `npm run db:generate`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PROVIDERS = { sqlite: 'sqlite', postgres: 'postgresql' };

/**
 * The full schema text for one provider: header + the shared models.
 *
 * compilerBuild "small": Prisma 7 plans each query in a WebAssembly query compiler, shipped in a
 * "fast" (the default) and a "small" build. Measured on this app's production server (docs/benchmarks.md):
 * the small one keeps about 60 MB less resident, idle and after load, at the same or better
 * throughput, because query plans are cached per query shape and the compiler runs once per shape.
 */
export function schemaFor(provider) {
  const models = readFileSync(join(root, 'prisma/models.prisma'), 'utf8');
  return `// GENERATED from prisma/models.prisma by scripts/prisma-generate.mjs. Do not edit.

generator client {
  provider      = "prisma-client"
  output        = "../../lib/generated/${provider}"
  moduleFormat  = "esm"
  compilerBuild = "small"
}

datasource db {
  provider = "${PROVIDERS[provider]}"
}

${models}`;
}

function writeSchemas() {
  for (const provider of Object.keys(PROVIDERS)) {
    const file = join(root, 'prisma', provider, 'schema.prisma');
    mkdirSync(dirname(file), { recursive: true });
    const text = schemaFor(provider);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  }
}

function generateClients() {
  const env = { ...process.env };
  // `generate` never runs the schema engine; it only insists that one exists.
  if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
  env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
  const prismaBin = join(root, 'node_modules/.bin/prisma');
  for (const provider of Object.keys(PROVIDERS)) {
    const result = spawnSync(prismaBin, ['generate', '--schema', `prisma/${provider}/schema.prisma`], {
      cwd: root,
      env,
      stdio: 'inherit',
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeSchemas();
  if (!process.argv.includes('--schemas-only')) generateClients();
}
