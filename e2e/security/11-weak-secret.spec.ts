// 11. A weak or default signing secret is refused at start-up in production (RFC 8725 §3.5,
// ASVS 5 V13.3): `next start` from the production build exits non-zero with a message naming
// AUTH_SECRET (instrumentation.ts parses the environment before serving anything).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_AUTH_SECRET } from '../../test/test-env.ts';

test.describe.configure({ mode: 'serial' });

const root = process.cwd();
// +12: the configured servers hold +0..+11 (the webauthn server is on +9).
const PORT = Number(process.env.E2E_PORT_BASE ?? 3100) + 12;

function start(secret: string | undefined): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: 'file:./e2e/.tmp/weak-secret.db', BCRYPT_COST: '4' };
    delete env.AUTH_SECRET;
    if (secret !== undefined) env.AUTH_SECRET = secret;
    const child = spawn(join(root, 'node_modules/.bin/next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const WEAK: Record<string, string | undefined> = {
  unset: undefined,
  empty: '',
  "'secret'": 'secret',
  '31 characters': 'abcdefghijklmnopqrstuvwxyz01234',
  "'changeme'": 'changeme',
  "'changeme' repeated to 32+ characters": 'changemechangemechangemechangeme',
  'one character repeated 48 times': 'a'.repeat(48),
  "the .env.example placeholder": 'replace-me-with-at-least-32-random-bytes',
};

for (const [name, secret] of Object.entries(WEAK)) {
  test(`11 weak secret · AUTH_SECRET ${name}: next start exits non-zero naming AUTH_SECRET`, async () => {
    const { code, output } = await start(secret);
    expect(code, output.slice(-500)).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toContain('AUTH_SECRET');
    expect(output).not.toContain(secret || '\u0000never');
  });
}

test('11 weak secret · control: the test secret starts (and is killed once ready)', async () => {
  const result = await new Promise<{ ready: boolean }>((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: 'file:./e2e/.tmp/weak-secret.db', AUTH_SECRET: TEST_AUTH_SECRET };
    const child = spawn(join(root, 'node_modules/.bin/next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (d: Buffer) => {
      output += d.toString();
      if (/Ready in/.test(output)) {
        child.kill('SIGTERM');
        resolve({ ready: true });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', () => resolve({ ready: /Ready in/.test(output) }));
  });
  expect(result.ready).toBe(true);
});
