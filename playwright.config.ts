// Playwright: browser tests against a production build (`npm run build`, then two `next start`
// servers from that one build, each on its own fresh SQLite file; see e2e/support/start-server.ts).
//   mail       smtp://127.0.0.1:3105, mails as JSON at http://127.0.0.1:3106/mails (e2e/support/mail-catcher.ts)
//   chromium   http://127.0.0.1:3100  every e2e/*.spec.ts except *.short-ttl.spec.ts
//   short-ttl  http://127.0.0.1:3101  *.short-ttl.spec.ts, access tokens live 4 seconds
//   oidc       http://127.0.0.1:3103  *.oidc.spec.ts: social sign-in, with a real OpenID provider
//              (E2E_OIDC_PORT, default 3107) and a GitHub stand-in (E2E_GITHUB_PORT, default 3108)
//   security   e2e/security/*.spec.ts: every known way to break a JWT-cookie app, against the main
//              server (3100) and a second one (3102: TRUST_PROXY=true, EdDSA keys, CORS_ORIGINS)
//   cluster    e2e/cluster/*.cluster.spec.ts: starts its own Postgres database, two `next start`
//              instances (ports 3400, 3401; CLUSTER_PORT_BASE) and nginx (3402) per worker, from
//              the same build (NEXT_DIST_DIR, default .next); see e2e/cluster/support/cluster.ts
//   webauthn   http://localhost:3109  *.webauthn.spec.ts: passkeys with Chromium's virtual authenticator
//              (WebAuthn refuses IP addresses, so this server is reached as localhost)
//   short-window http://127.0.0.1:3104 *.short-window.spec.ts: a sign-in is recent for 4 s (step-up)
// Browsers cannot be downloaded here: e2e/support/chromium.ts points at Debian's chromium.
import { defineConfig, devices } from '@playwright/test';
import { isCI } from './scripts/ci.mjs';
import { chromiumLaunchOptions } from './e2e/support/chromium.ts';
import { IDENTITY_PROVIDERS, SERVERS } from './e2e/support/servers.ts';

const SHORT_TTL_SPECS = '*.short-ttl.spec.ts';
const CLUSTER_SPECS = '**/cluster/*.cluster.spec.ts';
const SECURITY_SPECS = '**/security/*.spec.ts';
const OIDC_SPECS = '*.oidc.spec.ts';
const WEBAUTHN_SPECS = '*.webauthn.spec.ts';
const SHORT_WINDOW_SPECS = '*.short-window.spec.ts';

const webServer = (port: number, url: string) => ({
  command: `node --import tsx e2e/support/start-server.ts ${port}`,
  // Ready once the app and its database answer (asked on the address it listens on).
  url: `http://127.0.0.1:${new URL(url).port}/api/health`,
  reuseExistingServer: !isCI,
  timeout: 120_000,
  stdout: 'pipe' as const,
  stderr: 'pipe' as const,
  gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
});

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  // A test that passed only on its retry is reported as flaky, counted apart and never as passed;
  // in the security and cluster projects it fails the run (scripts/test-all.mjs, STRICT_PROJECTS):
  // an attack or a cluster check that fails once has found something.
  workers: isCI ? 1 : 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: chromiumLaunchOptions(),
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: [SHORT_TTL_SPECS, OIDC_SPECS, WEBAUTHN_SPECS, SHORT_WINDOW_SPECS, '**/cluster/**', '**/security/**'],
      use: { baseURL: SERVERS.main.baseURL },
    },
    {
      // Social sign-in against a real OpenID provider and a GitHub stand-in (identity-providers.ts).
      name: 'oidc',
      testMatch: OIDC_SPECS,
      testIgnore: ['**/cluster/**', '**/security/**'],
      use: { baseURL: SERVERS.oidc.baseURL },
    },
    {
      name: 'short-ttl',
      testMatch: SHORT_TTL_SPECS,
      testIgnore: ['**/cluster/**', '**/security/**'],
      use: { baseURL: SERVERS.shortTtl.baseURL },
    },
    {
      name: 'webauthn',
      testMatch: WEBAUTHN_SPECS,
      testIgnore: ['**/cluster/**', '**/security/**'],
      use: { baseURL: SERVERS.webauthn.baseURL },
    },
    {
      name: 'short-window',
      testMatch: SHORT_WINDOW_SPECS,
      testIgnore: ['**/cluster/**', '**/security/**'],
      use: { baseURL: SERVERS.shortWindow.baseURL },
    },
    {
      // The attack suite (issue 4). Mostly API requests; a browser where it matters (CSRF pages,
      // server actions, CSP). Its second server is SERVERS.security.
      name: 'security',
      testMatch: SECURITY_SPECS,
      timeout: 60_000,
      use: { baseURL: SERVERS.main.baseURL },
    },
    {
      // Its servers come from a worker fixture (e2e/cluster/fixtures.ts), not from webServer.
      name: 'cluster',
      testMatch: CLUSTER_SPECS,
      timeout: 120_000,
    },
  ],
  webServer: [
    {
      // The SMTP peer of every app server (e2e/support/mail-catcher.ts): first, so it listens
      // before the apps send.
      command: `node --import tsx e2e/support/mail-catcher.ts ${SERVERS.mailCatcher.smtpPort} ${SERVERS.mailCatcher.httpPort}`,
      url: `${SERVERS.mailCatcher.url}/health`,
      reuseExistingServer: !isCI,
      timeout: 30_000,
      stdout: 'pipe' as const,
      stderr: 'pipe' as const,
      gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
    },
    webServer(SERVERS.main.port, SERVERS.main.baseURL),
    webServer(SERVERS.shortTtl.port, SERVERS.shortTtl.baseURL),
    webServer(SERVERS.security.port, SERVERS.security.baseURL),
    webServer(SERVERS.oidc.port, SERVERS.oidc.baseURL),
    {
      command: 'node --import tsx e2e/support/identity-providers.ts',
      url: `${IDENTITY_PROVIDERS.oidc.issuer}/.well-known/openid-configuration`,
      reuseExistingServer: !isCI,
      timeout: 60_000,
      stdout: 'pipe' as const,
      stderr: 'pipe' as const,
      gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
    },
    webServer(SERVERS.webauthn.port, SERVERS.webauthn.baseURL),
    webServer(SERVERS.shortWindow.port, SERVERS.shortWindow.baseURL),
  ],
});
