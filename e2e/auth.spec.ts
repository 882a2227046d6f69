// Sign-up, sign-in and sign-out in a real browser against the production build.
import { AccountPage } from './pages/account-page';
import { LoginPage } from './pages/login-page';
import { SignupPage } from './pages/signup-page';
import { expect, test } from './fixtures';

const accessCookieOf = async (page: import('@playwright/test').Page) =>
  (await page.context().cookies()).find((c) => c.name === 'access' || c.name === '__Host-access');

test('sign up through the form, stay signed in across a reload, sign out, and leave nothing behind', async ({ page, request, uniqueUser }) => {
  // A long flow (two submits, a reload, sign-out, Back) against a cold server: give it room.
  test.setTimeout(60_000);
  const signup = new SignupPage(page);
  const account = new AccountPage(page);
  await signup.goto();

  // Field errors are shown next to their fields and announced through them.
  await signup.fill({ name: uniqueUser.name, email: 'not-an-email', password: 'short' });
  await signup.submit.click();
  await expect(signup.alert).toContainText('Check the highlighted fields');
  await expect(signup.email).toHaveAttribute('aria-invalid', 'true');
  await expect(signup.email).toHaveAccessibleDescription(/valid email address/i);
  await expect(signup.password).toHaveAttribute('aria-invalid', 'true');
  await expect(signup.password).toHaveAccessibleDescription(/at least 8 characters/i);
  await expect(signup.name).not.toHaveAttribute('aria-invalid', 'true');
  // What was typed is kept (except the password).
  await expect(signup.name).toHaveValue(uniqueUser.name);
  await expect(signup.email).toHaveValue('not-an-email');
  await expect(page).toHaveURL(/\/signup/);
  expect(await accessCookieOf(page)).toBeUndefined();

  // While the server works, the button says so, keeps focus and ignores a second press.
  let release!: () => void;
  let posts = 0;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/signup**', async (route) => {
    if (route.request().method() === 'POST') {
      posts += 1;
      await held;
    }
    await route.fallback();
  });
  await signup.email.fill(uniqueUser.email);
  await signup.password.fill(uniqueUser.password);
  await signup.submit.click();
  const pending = page.getByRole('button', { name: 'Creating your account…' });
  await expect(pending).toBeVisible();
  await expect(pending).toHaveAttribute('aria-disabled', 'true');
  await expect(pending).toBeFocused();
  await page.keyboard.press('Enter');
  expect(posts).toBe(1);
  release();

  // Lands where it was going (the shop), welcomed by name; the account page shows the user.
  await expect(page.getByRole('status').filter({ hasText: `Welcome to Tokenshop, ${uniqueUser.name}!` })).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === '/');
  expect(posts).toBe(1);
  await page.goto('/account');
  await account.expectSignedInAs(uniqueUser);
  await page.unroute('**/signup**');
  const cookie = await accessCookieOf(page);
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe('Lax');

  await page.reload();
  await account.expectSignedInAs(uniqueUser);

  // Sign out.
  await account.signOut.click();
  await expect(page).toHaveURL((url) => url.pathname === '/');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect(await accessCookieOf(page)).toBeUndefined();

  // Back shows nothing private.
  await page.goBack();
  await expect(page.locator('body')).not.toContainText(uniqueUser.email);
  await expect(page.locator('body')).not.toContainText(uniqueUser.name);
  await expect(page.getByRole('heading', { name: 'Your account' })).toHaveCount(0);

  // A copy of the old access cookie is worthless now.
  const replay = await request.get('/api/me', { headers: { Cookie: `${cookie!.name}=${cookie!.value}` } });
  expect(replay.status()).toBe(401);
  expect(replay.headers()['www-authenticate']).toMatch(/^Bearer/);
});

test('a signed-out visit to /account goes to sign-in and comes back after it', async ({ page, request, uniqueUser, signUpViaApi }) => {
  await signUpViaApi(request, uniqueUser);
  const login = new LoginPage(page);
  const account = new AccountPage(page);

  await account.goto();
  await expect(page).toHaveURL((url) => url.pathname === '/login' && url.search === '?next=%2Faccount');
  await login.expectShown();
  await expect(page.locator('body')).not.toContainText(uniqueUser.email);

  // A wrong password keeps the user on the form with a message, and the email typed.
  await login.signIn({ email: uniqueUser.email, password: 'wrong password!' });
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('The email or password is incorrect.');
  await expect(login.email).toHaveValue(uniqueUser.email);

  await login.signIn(uniqueUser);
  await account.expectSignedInAs(uniqueUser);
});

test('the refresh cookie never reaches pages, and the access cookie is httpOnly', async ({ page, request, uniqueUser, signUpViaApi }) => {
  await signUpViaApi(request, uniqueUser);
  const login = new LoginPage(page);
  await login.goto('/account');
  await login.signIn(uniqueUser);
  await new AccountPage(page).expectSignedInAs(uniqueUser);
  const cookies = await page.context().cookies();
  const refresh = cookies.find((c) => c.name === 'refresh' || c.name === '__Secure-refresh');
  expect(refresh?.path).toBe('/api/auth');
  expect(await page.evaluate(() => document.cookie)).not.toMatch(/access=|refresh=/);
});
