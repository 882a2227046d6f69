// 12. A production server refuses to start with a configuration that silently weakens it
// (instrumentation.ts → lib/env.ts assertProductionConfig): an http:// APP_URL (no Secure cookies,
// no __Host- prefixes, an http CSRF origin) unless ALLOW_INSECURE_HTTP=true says "local test",
// a missing APP_URL, a missing CRON_SECRET (the purge would never run), and this repository's own
// test secret outside a local test (anyone who read the repo could sign tokens), and signing keys
// that do not load (every sign-in would answer 500). Run from a directory
// without the developer's .env files, so what is unset stays unset.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { TEST_AUTH_SECRET, TEST_CRON_SECRET } from '../../test/test-env.ts';
import { cleanAppDir, NEXT_BIN } from '../support/clean-app-dir.ts';

test.describe.configure({ mode: 'serial' });

const PORT = Number(process.env.E2E_PORT_BASE ?? 3100) + 10;
let appDir = '';
test.beforeAll(() => {
  appDir = cleanAppDir('production-config');
});

/** Starts `next start` with exactly these variables; resolves at exit, or once it serves. */
function start(vars: Record<string, string>): Promise<{ code: number | null; ready: boolean; output: string }> {
  return new Promise((resolve) => {
    // NEXT_DIST_DIR names the build to start (next.config.js), when it is not .next.
    const dist = process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {};
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: 'file:./production-config.db', AUTH_SECRET: TEST_AUTH_SECRET, MAIL_DISABLED: 'true', ...dist, ...vars };
    const child = spawn(NEXT_BIN, ['start', '-p', String(PORT), '-H', '127.0.0.1'], { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let ready = false;
    const onData = (d: Buffer) => {
      output += d.toString();
      if (!ready && /Ready in/.test(output)) {
        ready = true;
        // Give instrumentation's check a moment to run after "Ready", then stop the server.
        setTimeout(() => child.kill('SIGTERM'), 3_000);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ready, output });
    });
  });
}

/** What a deployment's own secret looks like (`openssl rand -base64 48`). */
const DEPLOYED_SECRET = randomBytes(48).toString('base64');

const REFUSED: Record<string, { vars: Record<string, string>; names: RegExp }> = {
  'an http:// APP_URL': { vars: { APP_URL: `http://127.0.0.1:${PORT}`, CRON_SECRET: TEST_CRON_SECRET }, names: /APP_URL must be https/ },
  'no APP_URL': { vars: { CRON_SECRET: TEST_CRON_SECRET }, names: /APP_URL is required/ },
  'no CRON_SECRET': { vars: { APP_URL: 'https://shop.example.com' }, names: /CRON_SECRET is required/ },
  'this repository’s test secret, deployed': {
    vars: { APP_URL: 'https://shop.example.com', CRON_SECRET: TEST_CRON_SECRET, AUTH_SECRET: TEST_AUTH_SECRET },
    names: /AUTH_SECRET is a test secret committed in this repository/,
  },
  'EdDSA without a private key': {
    vars: { APP_URL: 'https://shop.example.com', CRON_SECRET: TEST_CRON_SECRET, AUTH_SECRET: DEPLOYED_SECRET, AUTH_JWT_ALG: 'EdDSA' },
    names: /signing keys do not load \(AUTH_JWT_ALG=EdDSA\): AUTH_JWT_PRIVATE_KEY is required/,
  },
};


for (const [name, { vars, names }] of Object.entries(REFUSED)) {
  test(`12 production config · ${name}: next start exits non-zero naming the variable`, async () => {
    const { code, output } = await start(vars);
    expect(code, output.slice(-800)).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toMatch(names);
    expect(output).not.toContain(TEST_AUTH_SECRET);
  });
}

test('12 production config · control: https:// APP_URL, CRON_SECRET and a secret of its own start, and so does http:// with ALLOW_INSECURE_HTTP=true (the test secret)', async () => {
  for (const vars of <Record<string, string>[]>[
    { APP_URL: 'https://shop.example.com', CRON_SECRET: TEST_CRON_SECRET, AUTH_SECRET: DEPLOYED_SECRET },
    { APP_URL: `http://127.0.0.1:${PORT}`, CRON_SECRET: TEST_CRON_SECRET, ALLOW_INSECURE_HTTP: 'true' },
  ]) {
    const { ready, output } = await start(vars);
    expect(ready, output.slice(-800)).toBe(true);
    expect(output).not.toMatch(/Invalid production configuration/);
  }
});
