// Starts our server as `npm start` does (scripts/start-command.mjs: Node's flags included) from
// the bench's production build on a fresh migrated + seeded SQLite file, with the bench
// environment (AUTH_ACCESS_TTL=3600, BCRYPT_COST=11), on a port of 3300+ so it never meets the
// e2e servers (3100/3101) or their `.next` build. The peers start with a plain `next start`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startCommand, type StartCommand } from '../scripts/start-command.mjs';
import { BENCH_ACCESS_TTL, BENCH_SECRET } from './bench-env';

export interface BenchServer {
  origin: string;
  child: ChildProcess;
  stop(): Promise<void>;
  output(): string;
}

export function hasBuild(root: string, distDir: string): boolean {
  return existsSync(join(root, distDir, 'BUILD_ID'));
}

export async function startServer(options: {
  root: string;
  distDir: string;
  port: number;
  databaseUrl: string;
  bcryptCost: number;
}): Promise<BenchServer> {
  const { root, distDir, port } = options;
  if (!hasBuild(root, distDir)) {
    throw new Error(`no production build in ${distDir}: run \`NEXT_DIST_DIR=${distDir} npm run build\` first`);
  }
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: distDir,
    AUTH_SECRET: BENCH_SECRET,
    AUTH_ACCESS_TTL: BENCH_ACCESS_TTL,
    BCRYPT_COST: String(options.bcryptCost),
    DATABASE_URL: options.databaseUrl,
    APP_URL: origin,
    // The bench measures sign-in, not mail.
    MAIL_DISABLED: 'true',
    // A local production server: http:// on 127.0.0.1 and a cron secret (lib/env.ts refuses otherwise).
    ALLOW_INSECURE_HTTP: 'true',
    CRON_SECRET: 'bench-only-cron-secret-0123456789',
  };
  delete env.REDIS_URL;
  return startNext({ cwd: root, start: startCommand(root), port, env });
}

/** `start` (how to run `next start` for an app) in `cwd` on 127.0.0.1:`port`, resolved once /api/health answers 200. */
export async function startNext(options: { cwd: string; start: StartCommand; port: number; env: NodeJS.ProcessEnv }): Promise<BenchServer> {
  const { cwd, port, env } = options;
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(options.start.command, [...options.start.args, '-p', String(port), '-H', '127.0.0.1'], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  // Never leave a server behind (it would keep the port and answer the next run), even when the
  // bench itself is stopped by a signal or a timeout.
  process.once('exit', () => child.kill('SIGKILL'));
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      child.kill('SIGKILL');
      process.exit(130);
    });
  }

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start on ${origin} did not answer /api/health within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { origin, child, stop, output: () => output };
}
