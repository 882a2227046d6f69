// The `test` every spec imports: Playwright's, plus a unique user per test and an API sign-up.
//   import { test, expect } from './fixtures';
import { randomUUID } from 'node:crypto';
import { test as base, expect, type APIRequestContext, type APIResponse } from '@playwright/test';

export type TestUser = { email: string; name: string; password: string };

export type Fixtures = {
  /** A user no other test uses (not yet signed up). */
  uniqueUser: TestUser;
  /** POST /api/auth/signup as JSON with Origin = baseURL; cookies land in `request`'s jar. */
  signUpViaApi: (request: APIRequestContext, user: TestUser) => Promise<APIResponse>;
};

export const test = base.extend<Fixtures>({
  uniqueUser: async ({}, use, testInfo) => {
    const id = `${testInfo.workerIndex}-${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
    await use({
      email: `e2e-${id}@example.test`,
      name: `E2E User ${id}`,
      password: `Pw-${randomUUID()}`,
    });
  },
  signUpViaApi: async ({ baseURL }, use) => {
    if (!baseURL) throw new Error('signUpViaApi needs a baseURL (set per project in playwright.config.ts)');
    const origin = new URL(baseURL).origin;
    await use(async (request, user) => {
      const response = await request.post('/api/auth/signup', {
        headers: { Origin: origin, 'Content-Type': 'application/json' },
        data: user,
      });
      if (response.status() !== 201) {
        throw new Error(`sign-up of ${user.email} failed: ${response.status()} ${await response.text()}`);
      }
      return response;
    });
  },
});

export { expect };
