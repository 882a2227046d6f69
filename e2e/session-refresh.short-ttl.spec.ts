// Access tokens live 4 seconds on this server (playwright.config.ts, project short-ttl). A user
// whose access token lapsed but whose sign-in lasts never sees the sign-in page: the middleware
// sends the browser through GET /api/auth/refresh, which rotates and comes back.
import { AccountPage } from './pages/account-page';
import { LoginPage } from './pages/login-page';
import { expect, test } from './fixtures';

test('an expired access token is renewed on the way to /account, without a detour to /login', async ({ page, request, uniqueUser, signUpViaApi }) => {
  await signUpViaApi(request, uniqueUser);
  const login = new LoginPage(page);
  const account = new AccountPage(page);
  await login.goto('/account');
  await login.signIn(uniqueUser);
  await account.expectSignedInAs(uniqueUser);

  const accessOf = async () => (await page.context().cookies()).find((c) => c.name === 'access' || c.name === '__Host-access');
  const before = await accessOf();
  expect(before).toBeDefined();
  // The cookie lives as long as the token.
  expect(before!.expires * 1000 - Date.now()).toBeLessThan(10_000);

  // Wait for the lapse itself, not a guessed time: the browser drops the cookie when the token expires.
  await expect.poll(accessOf, { timeout: 20_000, intervals: [250] }).toBeUndefined();

  const visited: string[] = [];
  page.on('request', (r) => {
    if (r.isNavigationRequest()) visited.push(new URL(r.url()).pathname);
  });
  await account.goto();
  await account.expectSignedInAs(uniqueUser);
  expect(visited).not.toContain('/login');
  expect(visited).toEqual(expect.arrayContaining(['/account', '/api/auth/refresh']));

  const after = await accessOf();
  expect(after).toBeDefined();
  expect(after!.value).not.toBe(before!.value);
});
