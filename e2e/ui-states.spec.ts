// The states around the main flows: why /login is shown, the branded 404, the password toggle,
// the confirm step before "Sign out everywhere", and pages that say the right thing without
// JavaScript (server-rendered countdown and times).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The page's notice (the sign-in form also keeps an empty status region for its own outcome). */
const notice = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ });

test('/login says why it is shown: checkout signed out, and a sign-in ended elsewhere', async ({ page, uniqueUser, signUpViaApi, browser, baseURL }) => {
  // The cart is public (a guest cart); checkout needs a sign-in, and /login says so.
  await page.goto('/checkout');
  await expect(page).toHaveURL(/\/login\?next=%2Fcheckout/);
  await expect(notice(page)).toHaveText('Sign in to check out. Your cart is kept.');

  // A browser whose sign-in was ended elsewhere is told so.
  await signUpViaApi(page.request, uniqueUser);
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await otherPage.goto('/login');
  await otherPage.getByLabel('Email', { exact: true }).fill(uniqueUser.email);
  await otherPage.getByLabel('Password', { exact: true }).fill(uniqueUser.password);
  await otherPage.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(otherPage).toHaveURL((url) => url.pathname === '/');
  await page.goto('/account');
  await page.getByText('Sign out everywhere…').click();
  await page.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
  await expect(notice(page)).toHaveText('You are signed out on every device.');
  await otherPage.goto('/account');
  await expect(notice(otherPage)).toContainText(/signed out|expired|ended/);
  await other.close();
});

test('the branded 404 has a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'We could not find that page' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the shop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The Tokenshop catalogue' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shop' })).toHaveAttribute('aria-current', 'page');
});

test('show password, and errors said once in plain words', async ({ page, uniqueUser, signUpViaApi }) => {
  await signUpViaApi(page.request, uniqueUser);
  await page.context().clearCookies();
  await page.goto('/signup');
  const password = page.getByLabel('Password', { exact: true });
  await password.fill('a secret phrase');
  await page.getByRole('button', { name: 'Show password' }).click();
  await expect(password).toHaveAttribute('type', 'text');
  await expect(page.getByRole('button', { name: 'Show password' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByLabel('Name', { exact: true }).fill('Someone');
  await page.getByLabel('Email', { exact: true }).fill(uniqueUser.email);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('An account with this email already exists', { exact: false })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Sign in instead' })).toHaveAttribute('href', '/login?next=%2F');
  await expect(page.getByLabel('Email', { exact: true })).toBeFocused();
});

test('without JavaScript: the countdown and times are rendered by the server, sign-out-everywhere still asks first', async ({ browser, baseURL, uniqueUser, signUpViaApi }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await signUpViaApi(context.request, uniqueUser);
  await page.goto('/learn');
  await expect(page.getByTestId('learn-countdown')).toHaveText(/^expires in 1[45] min \d\d s$/);
  await page.goto('/account');
  await expect(page.getByTestId('expiry-countdown')).toHaveText(/^in 1[45] min \d\d s$/);
  await expect(page.locator('time[datetime][title]').first()).toBeVisible();
  await page.getByText('Sign out everywhere…').click();
  await page.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed_out_everywhere/);
  await context.close();
});
