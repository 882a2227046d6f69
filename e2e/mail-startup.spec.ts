// A production server refuses to start without a way to send mail (SMTP_URL, or MAIL_DISABLED=true
// said out loud), and refuses MAIL_DISABLED together with AUTH_REQUIRE_VERIFIED_EMAIL.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LOCAL_PRODUCTION_ENV, TEST_AUTH_SECRET } from '../test/test-env.ts';

const root = process.cwd();
// base+12: +9 is the webauthn server, +10/+11 the security suite's start-up specs (see e2e/support/servers.ts).
const PORT = Number(process.env.E2E_PORT_BASE ?? 3100) + 12;

function start(extra: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: 'file:./e2e/.tmp/mail-startup.db',
      AUTH_SECRET: TEST_AUTH_SECRET,
      APP_URL: `http://127.0.0.1:${PORT}`,
      ...LOCAL_PRODUCTION_ENV,
      ...extra,
    };
    delete env.SMTP_URL;
    if (extra.SMTP_URL) env.SMTP_URL = extra.SMTP_URL;
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

test('production without SMTP_URL exits, naming SMTP_URL and MAIL_DISABLED', async () => {
  const { code, output } = await start({});
  expect(code, output.slice(-500)).not.toBe(0);
  expect(code).not.toBeNull();
  expect(output).toContain('SMTP_URL is required in production');
});

test('production with MAIL_DISABLED and AUTH_REQUIRE_VERIFIED_EMAIL exits', async () => {
  const { code, output } = await start({ MAIL_DISABLED: 'true', AUTH_REQUIRE_VERIFIED_EMAIL: 'true' });
  expect(code, output.slice(-500)).not.toBe(0);
  expect(code).not.toBeNull();
  expect(output).toContain('MAIL_DISABLED=true cannot be combined with AUTH_REQUIRE_VERIFIED_EMAIL=true');
});
