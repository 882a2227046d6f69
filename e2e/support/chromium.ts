// Where Playwright's Chromium comes from, in one place.
//
// `npx playwright install` cannot download browsers on this machine or in CI, so the tests drive
// Debian's chromium (/usr/bin/chromium, or PLAYWRIGHT_CHROMIUM_PATH). When that file does not
// exist (a laptop with Playwright's own browsers installed), Playwright's bundled build is used.
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The system Chromium to use, or undefined to fall back to Playwright's own browser. */
export function chromiumExecutablePath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidate = env.PLAYWRIGHT_CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  return existsSync(candidate) ? candidate : undefined;
}

/** launchOptions for every Playwright project. */
export function chromiumLaunchOptions(env: NodeJS.ProcessEnv = process.env): LaunchOptions {
  const executablePath = chromiumExecutablePath(env);
  return { ...(executablePath ? { executablePath } : {}), args: [...CHROMIUM_ARGS] };
}
