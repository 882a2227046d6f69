// Social sign-in in a real browser: "Continue with Test ID" against a real OpenID provider
// (oidc-provider, driven through its login page) and "Continue with GitHub" against a local
// stand-in. Runs on the `oidc` server (playwright.config.ts), which has both configured.
// The refusals that need a forged request (tampered state, replayed callback, wrong nonce, another
// audience) are in lib/auth/oidc/social-sign-in.int.test.ts, which drives the provider over HTTP.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { GithubAuthorizePage, OidcLoginPage } from './pages/provider-pages';
import { SERVERS } from './support/servers';

const OIDC_BUTTON = 'Continue with Test ID';

// Each story crosses two servers (the app and the provider) several times.
test.describe.configure({ timeout: 60_000 });

async function continueWith(page: Page, button: string, next?: string): Promise<void> {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByRole('link', { name: button }).click();
}

async function expectSignedIn(page: Page, email: string): Promise<void> {
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(page.getByTestId('account-email')).toHaveText(email);
}

const providersCard = (page: Page) => page.getByRole('region', { name: 'Sign-in providers' });

test('first sign-in with the provider creates an account without a password; the second finds it', async ({ page, browser, uniqueUser }) => {
  await continueWith(page, OIDC_BUTTON, '/orders');
  await new OidcLoginPage(page).signIn(uniqueUser.email);
  await expect(page).toHaveURL(/\/orders$/);
  await expectSignedIn(page, uniqueUser.email);
  await expect(providersCard(page).getByTestId('linked-provider')).toHaveCount(1);
  await expect(providersCard(page).getByTestId('linked-provider')).toContainText('Test ID');
  await expect(page.getByRole('heading', { name: 'Set a password' })).toBeVisible();
  await expect(page.getByLabel('Current password')).toHaveCount(0);

  // Another browser, the same person at the provider: the same account.
  const other = await browser.newContext();
  const second = await other.newPage();
  await continueWith(second, OIDC_BUTTON);
  await new OidcLoginPage(second).signIn(uniqueUser.email);
  await expect(second).toHaveURL(/\/$/);
  await expectSignedIn(second, uniqueUser.email);
  await expect(providersCard(second).getByTestId('linked-provider')).toHaveCount(1);
  await other.close();
});

test('GitHub sign-in creates an account; the provider links to it by the verified address', async ({ page, browser, uniqueUser }) => {
  await continueWith(page, 'Continue with GitHub');
  await new GithubAuthorizePage(page).authorize({ login: `octo-${uniqueUser.email.split('@')[0]}`, email: uniqueUser.email });
  await expectSignedIn(page, uniqueUser.email);

  // Both GitHub and this app (through GitHub) have verified the address: the OpenID sign-in joins.
  const other = await browser.newContext();
  const second = await other.newPage();
  await continueWith(second, OIDC_BUTTON);
  await new OidcLoginPage(second).signIn(uniqueUser.email);
  await expectSignedIn(second, uniqueUser.email);
  await expect(providersCard(second).getByTestId('linked-provider')).toHaveCount(2);
  await other.close();
});

test('an address this app has not verified is not linked: sign in with the password and connect', async ({ page, uniqueUser, signUpViaApi }) => {
  await signUpViaApi(page.context().request, uniqueUser);
  await page.context().clearCookies();

  await continueWith(page, OIDC_BUTTON);
  await new OidcLoginPage(page).signIn(uniqueUser.email);
  await expect(page).toHaveURL(/\/login\?oidc_error=link_required/);
  await expect(page.getByTestId('provider-error')).toContainText('Sign in with your password, then connect this provider');
  expect((await page.context().cookies()).some((c) => c.name === 'access')).toBe(false);
});

test('the provider has not verified the address: refused with a message', async ({ page, uniqueUser }) => {
  await continueWith(page, OIDC_BUTTON);
  await new OidcLoginPage(page).signIn(`unverified:${uniqueUser.email}`);
  await expect(page.getByTestId('provider-error')).toContainText('has not verified your email address');
  expect((await page.context().cookies()).some((c) => c.name === 'access')).toBe(false);
});

test('cancelling at the provider ends on /login with a message and no session', async ({ page }) => {
  await continueWith(page, OIDC_BUTTON);
  await new OidcLoginPage(page).cancel();
  await expect(page.getByTestId('provider-error')).toContainText('Sign-in was cancelled at the provider');
  expect((await page.context().cookies()).some((c) => c.name === 'access')).toBe(false);
});

test('connect and disconnect a provider from /account', async ({ page, uniqueUser, signUpViaApi }) => {
  await signUpViaApi(page.context().request, uniqueUser);
  await page.goto('/account');
  const card = providersCard(page);
  await card.getByRole('link', { name: 'Connect Test ID' }).click();
  const login = `connect:${uniqueUser.email}`;
  await new OidcLoginPage(page).signIn(login);
  await expect(page).toHaveURL(/\/account\?oidc=linked/);
  await expect(card.getByRole('status')).toHaveText('Provider connected. You can now sign in with it.');
  await expect(card.getByTestId('linked-provider')).toContainText('Test ID');

  await card.getByRole('button', { name: 'Disconnect Test ID' }).click();
  await expect(page).toHaveURL(/\/account\?oidc=unlinked/);
  await expect(card.getByTestId('linked-provider')).toHaveCount(0);
  await expect(card.getByRole('link', { name: 'Connect Test ID' })).toBeVisible();
});

test('the only way to sign in cannot be disconnected until a password is set', async ({ page, uniqueUser }) => {
  await continueWith(page, OIDC_BUTTON);
  await new OidcLoginPage(page).signIn(uniqueUser.email);
  await expectSignedIn(page, uniqueUser.email);
  const card = providersCard(page);
  await card.getByRole('button', { name: 'Disconnect Test ID' }).click();
  await expect(card.getByTestId('provider-error')).toContainText('That is the only way left to sign in');
  await expect(card.getByTestId('linked-provider')).toHaveCount(1);

  await page.getByLabel('New password').fill(uniqueUser.password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('Password set.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Change password' })).toBeVisible();
  await card.getByRole('button', { name: 'Disconnect Test ID' }).click();
  await expect(card.getByTestId('linked-provider')).toHaveCount(0);

  // The password now signs in.
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(uniqueUser.email);
  await page.getByLabel('Password', { exact: true }).fill(uniqueUser.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expectSignedIn(page, uniqueUser.email);
});

test('an account without a password confirms a recent sign-in at its provider', async ({ page, uniqueUser }) => {
  await continueWith(page, OIDC_BUTTON);
  await new OidcLoginPage(page).signIn(uniqueUser.email);
  await expectSignedIn(page, uniqueUser.email);
  const before = (await page.context().cookies()).find((c) => c.name === 'access')!.value;
  await providersCard(page).getByRole('link', { name: 'Confirm it’s you with Test ID' }).click();
  // prompt=login: the provider asks again even though it has a session.
  await new OidcLoginPage(page).signIn(uniqueUser.email);
  await expect(page).toHaveURL(/\/account$/);
  const after = (await page.context().cookies()).find((c) => c.name === 'access')!.value;
  const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sid: string; auth_time: number };
  expect(claims(after).sid).toBe(claims(before).sid);
  expect(claims(after).auth_time).toBeGreaterThanOrEqual(claims(before).auth_time);
  expect(after).not.toBe(before);
});

test('the buttons are shown on /signup too', async ({ page }) => {
  await page.goto('/signup');
  await expect(page.getByRole('link', { name: OIDC_BUTTON })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Continue with GitHub' })).toBeVisible();
});

test('without provider variables (the main server) no button is shown', async ({ page }) => {
  await page.goto(`${SERVERS.main.baseURL}/login`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Continue with/ })).toHaveCount(0);
});
