// Starts one production server for the Playwright tests:
//   node --import tsx e2e/support/start-server.ts <port>
// 1. a fresh SQLite file at e2e/.tmp/<port>.db (the old one is deleted),
// 2. every migration applied, then prisma/seed.ts run against it,
// 3. the server as `npm start` runs it (scripts/start-command.mjs), `-p <port> -H 127.0.0.1`, from
//    the existing build (run `npm run build` first), with the test environment (see servers.ts). Signals are forwarded, so the server dies
//    with this process, and this process exits with the server's status.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMigrations } from '../../lib/db/migrate.ts';
import { startCommand } from '../../scripts/start-command.mjs';
import { HOST, databaseFile, serverEnv } from './servers.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

function fail(message: string): never {
  console.error(`[start-server] ${message}`);
  process.exit(1);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

async function main(): Promise<void> {
  const port = Number(process.argv[2]);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) fail('usage: start-server.ts <port>');
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  if (!existsSync(join(root, distDir, 'BUILD_ID'))) {
    fail(`no production build in ${distDir}: run \`npm run build\` first (npm test does).`);
  }

  // A fresh database per run.
  const tmp = join(root, 'e2e/.tmp');
  mkdirSync(tmp, { recursive: true });
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(join(root, `${databaseFile(port)}${suffix}`), { force: true });
  const databaseUrl = `file:./${databaseFile(port)}`;

  const env: NodeJS.ProcessEnv = { ...process.env, ...serverEnv(port), DATABASE_URL: databaseUrl };

  const { applied } = await applyMigrations({ url: databaseUrl, log: (line: string) => console.log(`[start-server:${port}] ${line}`) });
  console.log(`[start-server:${port}] ${applied.length} migration(s) applied to ${databaseUrl}`);
  if (existsSync(join(root, 'prisma/seed.ts'))) {
    await run(join(root, 'node_modules/.bin/tsx'), ['prisma/seed.ts'], env);
    console.log(`[start-server:${port}] seeded`);
  } else {
    console.warn(`[start-server:${port}] WARNING: prisma/seed.ts does not exist; the database is not seeded.`);
  }
  console.log(`[start-server:${port}] starting next on http://${HOST}:${port}`);

  const start = startCommand(root, ['-p', String(port), '-H', HOST]);
  const server = spawn(start.command, start.args, {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (server.exitCode === null && server.signalCode === null) server.kill(signal);
    });
  }
  // If this process dies some other way, don't leave the server behind.
  process.on('exit', () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  });
  server.on('error', (error) => fail(`could not start next: ${error.message}`));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (signalNumber[signal] ?? 1) : 1)));
}

const signalNumber: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
