// The security centre on /account, with two browsers signed in to one account: see both, end the
// other one, change the password, watch the activity trail. Plus an accessibility scan.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { expect, test, type TestUser } from './fixtures';

const FIREFOX_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';

async function signedInContext(browser: Browser, user: TestUser, userAgent?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(userAgent ? { userAgent } : {});
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto('/account');
  await login.signIn(user);
  // Signing in is a navigation (the action redirects and renders /account in the same response):
  // wait for it as one, then for the page. On a cold server the first one is the slowest.
  await page.waitForURL(/\/account$/);
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  return { context, page };
}

const sessions = (page: Page) => page.getByRole('region', { name: 'Where you are signed in' }).getByTestId('session-item');

test('sign out another device from the security centre', async ({ browser, page, request, uniqueUser, signUpViaApi }) => {
  // Two browsers sign in (bcrypt each time): 16 s alone, over 30 s beside other suites.
  test.setTimeout(60_000);
  await signUpViaApi(request, uniqueUser);
  const laptop = await signedInContext(browser, uniqueUser);
  const phone = await signedInContext(browser, uniqueUser, FIREFOX_UA);

  await laptop.page.reload();
  await expect(sessions(laptop.page).filter({ hasText: 'This device' })).toHaveCount(1);
  await expect(sessions(laptop.page).filter({ hasText: 'Firefox on Linux' })).toHaveCount(1);

  await sessions(laptop.page).filter({ hasText: 'Firefox on Linux' }).getByRole('button', { name: /Sign out/ }).click();
  await expect(sessions(laptop.page).filter({ hasText: 'Firefox on Linux' })).toHaveCount(0);

  // The phone is signed out at its next request: its access token's family is revoked, and the
  // refresh hop cannot bring it back.
  await phone.page.goto('/account');
  await expect(phone.page).toHaveURL(/\/login\?next=%2Faccount/);

  // The laptop carries on, and its activity shows what happened.
  await laptop.page.reload();
  await expect(laptop.page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(laptop.page.getByTestId('audit-event').filter({ hasText: 'Signed out a device' })).toHaveCount(1);
  await expect(laptop.page.getByTestId('audit-event').filter({ hasText: 'Signed in' }).first()).toBeVisible();
  void page;
  await laptop.context.close();
  await phone.context.close();
});

test('changing the password signs out the other browser but not this one', async ({ browser, request, uniqueUser, signUpViaApi }) => {
  await signUpViaApi(request, uniqueUser);
  const here = await signedInContext(browser, uniqueUser);
  const other = await signedInContext(browser, uniqueUser, FIREFOX_UA);

  const form = here.page.getByRole('region', { name: 'Change password' });
  await form.getByLabel('Current password').fill('not my password');
  await form.getByLabel('New password').fill('a brand new password');
  await form.getByRole('button', { name: 'Change password' }).click();
  // Said once, beside the field, which takes focus.
  await expect(form.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Current password')).toHaveAccessibleDescription('That is not your current password. Type it again.');
  await expect(form.getByLabel('Current password')).toBeFocused();
  await expect(form.getByRole('alert')).toHaveText('');

  await form.getByLabel('Current password').fill(uniqueUser.password);
  await form.getByLabel('New password').fill('a brand new password');
  await expect(form.getByLabel('Sign out my other devices')).toBeChecked();
  await form.getByRole('button', { name: 'Change password' }).click();
  // Two others: the other browser, and the sign-up made through the API at the start.
  await expect(form.getByRole('status')).toContainText('Password changed. 2 other sign-ins ended.');

  await other.page.goto('/orders');
  await expect(other.page).toHaveURL(/\/login\?next=%2Forders/);
  await here.page.goto('/orders');
  await expect(here.page).toHaveURL(/\/orders$/);

  // The old password no longer works; the new one does.
  const login = new LoginPage(other.page);
  await login.signIn(uniqueUser);
  await expect(other.page.getByRole('main').getByRole('alert')).toContainText('The email or password is incorrect');
  await login.signIn({ email: uniqueUser.email, password: 'a brand new password' });
  await expect(other.page).toHaveURL(/\/orders$/);

  await here.page.goto('/account');
  await expect(here.page.getByTestId('audit-event').filter({ hasText: 'Password changed' })).toHaveCount(1);
  await expect(here.page.getByTestId('audit-event').filter({ hasText: 'Failed sign-in' })).toHaveCount(1);
  await here.context.close();
  await other.context.close();
});

test('a personal API token is shown once, works with its scope, and dies when revoked', async ({ page, request, uniqueUser, signUpViaApi, baseURL }) => {
  await signUpViaApi(request, uniqueUser);
  const login = new LoginPage(page);
  await login.goto('/account');
  await login.signIn(uniqueUser);

  const tokens = page.getByRole('region', { name: 'API tokens' });
  await tokens.getByLabel('Token name').fill('budget script');
  await tokens.getByRole('checkbox', { name: /profile:read/ }).check();
  await tokens.getByRole('button', { name: 'Create token' }).click();
  const output = tokens.getByLabel('New API token');
  await expect(output).toBeVisible();
  const apiToken = await output.inputValue();
  expect(apiToken.split('.')).toHaveLength(3);

  const anonymous = await (await import('@playwright/test')).request.newContext({ baseURL });
  const meWith = (token: string) => anonymous.get('/api/me', { headers: { Authorization: `Bearer ${token}` } });
  expect((await meWith(apiToken)).status()).toBe(200);
  const cart = await anonymous.get('/api/cart', { headers: { Authorization: `Bearer ${apiToken}` } });
  expect(cart.status()).toBe(403);
  expect(cart.headers()['www-authenticate']).toContain('insufficient_scope');

  // Not shown again after a reload; listed with its last use.
  await page.reload();
  await expect(tokens.getByLabel('New API token')).toHaveCount(0);
  const row = tokens.getByRole('row', { name: /budget script/ });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('never');

  await row.getByRole('button', { name: /Revoke/ }).click();
  await expect(tokens.getByRole('row', { name: /budget script/ })).toContainText('Revoked');
  expect((await meWith(apiToken)).status()).toBe(401);
  await anonymous.dispose();
});

test('the account page has no serious accessibility problems', async ({ page, request, uniqueUser, signUpViaApi }) => {
  await signUpViaApi(request, uniqueUser);
  const login = new LoginPage(page);
  await login.goto('/account');
  await login.signIn(uniqueUser);
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
