// "Many machines" on one box: a fresh Postgres database, two `next start` instances of one
// production build, and Debian's nginx round-robin in front of them.
//
//   browser ──► nginx :BASE+2 ──► next start :BASE     ┐
//                          └────► next start :BASE+1   ┴──► TCP proxy :BASE+3 ──► Postgres :5432
//
// The TCP proxy (tcp-proxy.ts) lets a test take the database away without touching the shared
// Postgres server. Used by the Playwright `cluster` project (e2e/cluster/fixtures.ts) and by
// `npm run load` (e2e/cluster/run-load.ts). Everything it starts lives in a temp dir and dies in stop(), and also
// when this process exits.
//
// Ports: CLUSTER_PORT_BASE (default 3400). Build: NEXT_DIST_DIR (default .next); run
// `npm run build` first.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '../../../test/database.ts';
import { adminPostgresUrl } from '../../../test/postgres.ts';
import { LOCAL_PRODUCTION_ENV, TEST_AUTH_SECRET } from '../../../test/test-env.ts';
import { startCommand } from '../../../scripts/start-command.mjs';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const HOST = '127.0.0.1';

export function clusterPorts(base = Number(process.env.CLUSTER_PORT_BASE ?? 3400)) {
  return { instances: [base, base + 1] as const, nginx: base + 2, dbProxy: base + 3 };
}

export function distDir(): string {
  return process.env.NEXT_DIST_DIR || '.next';
}

export function nginxBinary(): string {
  for (const candidate of [process.env.NGINX_BIN, '/usr/sbin/nginx', '/usr/bin/nginx']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  throw new Error('nginx is not installed (apt-get install nginx-light, or set NGINX_BIN)');
}

// Every process group we started, so an unexpected exit still kills them (sync, best effort).
const liveGroups = new Set<number>();
process.on('exit', () => {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

function spawnGroup(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = (chunk: Buffer) => appendFileSync(logFile, chunk);
  child.stdout?.on('data', log);
  child.stderr?.on('data', log);
  if (child.pid) liveGroups.add(child.pid);
  child.on('exit', () => child.pid && liveGroups.delete(child.pid));
  return child;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function waitFor(url: string, what: string, child: ChildProcess | null, logFile: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} not ready at ${url} after ${timeoutMs} ms (${last}):\n${tail(logFile)}`);
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c));
    child.stderr.on('data', (c: Buffer) => (output += c));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output}`)),
    );
  });
}

export interface Instance {
  readonly index: number;
  readonly port: number;
  /** http://127.0.0.1:<port>: the instance itself, bypassing nginx. */
  readonly url: string;
  readonly logFile: string;
  readonly running: boolean;
  start(): Promise<void>;
  /** SIGKILL (default: no graceful shutdown, like a machine dying) or SIGTERM. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  restart(): Promise<void>;
}

export interface Cluster {
  /** The balancer: http://127.0.0.1:<nginx port>. Also the instances' APP_URL. */
  readonly url: string;
  readonly instances: readonly [Instance, Instance];
  /** The app's DATABASE_URL (through the TCP proxy). */
  readonly databaseUrl: string;
  /** The same database, directly (for assertions while the proxy is cut). */
  readonly directDatabaseUrl: string;
  readonly dbProxy: TcpProxy;
  readonly tempDir: string;
  readonly nginxAccessLog: string;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  portBase?: number;
  /** Extra environment for both instances. */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export function nginxConfig(options: { prefix: string; listen: number; upstreams: readonly number[] }): string {
  const { prefix, listen, upstreams } = options;
  return `# generated by e2e/cluster/support/cluster.ts
daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  log_format upstream '$remote_addr "$request" $status upstream=$upstream_addr upstream_status=$upstream_status rt=$request_time';
  access_log ${prefix}/access.log upstream;

  upstream app {
${upstreams.map((port) => `    server ${HOST}:${port} max_fails=1 fail_timeout=3s;`).join('\n')}
    keepalive 32;
  }

  server {
    listen ${HOST}:${listen};
    server_name _;
    client_max_body_size 1m;

    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # A dead instance (connection refused, timeout, 502) is skipped; requests that already
      # reached an instance are never replayed for POST (no non_idempotent), so no double writes.
      proxy_next_upstream error timeout http_502;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const log = options.log ?? ((line: string) => console.log(`[cluster] ${line}`));
  const ports = clusterPorts(options.portBase);
  const dist = distDir();
  if (!existsSync(join(ROOT, dist, 'BUILD_ID'))) {
    throw new Error(`no production build in ${dist}: run \`npm run build\` first (set NEXT_DIST_DIR for another dir)`);
  }
  const tempDir = mkdtempSync(join(tmpdir(), 'jwtshop-cluster-'));
  const url = `http://${HOST}:${ports.nginx}`;
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => log(`cleanup failed: ${(error as Error).message}`));
    }
    cleanups.length = 0;
    if (!process.env.CLUSTER_KEEP_TEMP) rmSync(tempDir, { recursive: true, force: true });
  };

  try {
    // 1. A fresh, migrated Postgres database, and the TCP proxy the app reaches it through.
    const database = await createTestDatabase('postgres');
    cleanups.push(() => database.drop());
    const admin = new URL(adminPostgresUrl());
    const dbProxy = await startTcpProxy({
      listenPort: ports.dbProxy,
      targetHost: admin.hostname,
      targetPort: Number(admin.port || 5432),
    });
    cleanups.push(() => dbProxy.close());
    const proxied = new URL(database.url);
    proxied.hostname = dbProxy.host;
    proxied.port = String(dbProxy.port);
    const databaseUrl = proxied.toString();
    log(`database ${new URL(database.url).pathname.slice(1)} (app reaches it through ${dbProxy.host}:${dbProxy.port})`);

    // 2. Seeded like every other test database.
    await run(join(ROOT, 'node_modules/.bin/tsx'), ['prisma/seed.ts'], { ...process.env, DATABASE_URL: database.url });

    // 3. Two instances of one build: same secret, same database, APP_URL = the balancer.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: dist,
      AUTH_SECRET: TEST_AUTH_SECRET,
      BCRYPT_COST: '4',
      APP_URL: url,
      ...LOCAL_PRODUCTION_ENV,
      DATABASE_URL: databaseUrl,
      // These tests are about sign-in across instances, not mail.
      MAIL_DISABLED: 'true',
      ...options.env,
    };
    const instances = ports.instances.map((port, index) => makeInstance(index, port, env, tempDir)) as [Instance, Instance];
    cleanups.push(async () => {
      await Promise.all(instances.map((instance) => instance.kill('SIGKILL')));
    });
    await Promise.all(instances.map((instance) => instance.start()));
    log(`instances on ${instances.map((i) => i.port).join(', ')}`);

    // 4. nginx, round-robin to both.
    const prefix = join(tempDir, 'nginx');
    mkdirSync(prefix, { recursive: true });
    const conf = join(prefix, 'nginx.conf');
    writeFileSync(conf, nginxConfig({ prefix, listen: ports.nginx, upstreams: ports.instances }));
    const nginxLog = join(prefix, 'stderr.log');
    const nginx = spawnGroup(nginxBinary(), ['-e', join(prefix, 'error.log'), '-c', conf, '-p', prefix], process.env, nginxLog);
    cleanups.push(async () => {
      killGroup(nginx, 'SIGTERM');
      if (!(await exited(nginx, 5_000))) killGroup(nginx, 'SIGKILL');
    });
    await waitFor(`${url}/api/health`, 'nginx', nginx, join(prefix, 'error.log'), 15_000);
    log(`nginx on ${url}`);

    return {
      url,
      instances,
      databaseUrl,
      directDatabaseUrl: database.url,
      dbProxy,
      tempDir,
      nginxAccessLog: join(prefix, 'access.log'),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function makeInstance(index: number, port: number, env: NodeJS.ProcessEnv, tempDir: string): Instance {
  const url = `http://${HOST}:${port}`;
  const logFile = join(tempDir, `instance-${index}.log`);
  let child: ChildProcess | null = null;
  const running = () => !!child && child.exitCode === null && child.signalCode === null;
  const instance: Instance = {
    index,
    port,
    url,
    logFile,
    get running() {
      return running();
    },
    async start() {
      if (running()) return;
      appendFileSync(logFile, `\n--- start ${new Date().toISOString()}\n`);
      const start = startCommand(ROOT, ['-p', String(port), '-H', HOST]);
      child = spawnGroup(start.command, start.args, env, logFile);
      await waitFor(`${url}/api/health`, `instance ${index} (:${port})`, child, logFile);
    },
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      const current = child;
      if (!current || !running()) return;
      killGroup(current, signal);
      if (!(await exited(current, 10_000))) {
        killGroup(current, 'SIGKILL');
        await exited(current, 5_000);
      }
      // The port is free once the process is gone.
    },
    async restart() {
      await instance.kill('SIGTERM');
      await instance.start();
    },
  };
  return instance;
}
