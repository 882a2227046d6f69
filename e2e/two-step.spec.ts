// Two-step sign-in with an authenticator app, in a real browser: the codes are computed from the
// secret the set-up page shows, exactly as an app would. Also: deleting an account.
import { mkdirSync } from 'node:fs';
import { AccountPage } from './pages/account-page';
import { LoginPage } from './pages/login-page';
import { expect, test } from './fixtures';
import { expectNoAxeViolations, totpCode } from './support/strong';

// Long user stories on a shared, loaded machine: each step waits on a condition, never a sleep.
test.describe.configure({ timeout: 120_000 });

test('turn on two-step sign-in, then sign in with a code, a recovery code once, and never the same code twice', async ({ page, uniqueUser, signUpViaApi }) => {
  await signUpViaApi(page.request, uniqueUser);
  const account = new AccountPage(page);
  const login = new LoginPage(page);
  await account.goto();
  const section = page.getByRole('region', { name: 'Two-step sign-in' });
  await expect(section.getByTestId('two-step-status')).toContainText('Off.');
  await expectNoAxeViolations(page);
  await section.getByRole('button', { name: 'Turn on two-step sign-in' }).click();

  await expect(page).toHaveURL(/\/account\/two-step$/, { timeout: 15_000 });
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expectNoAxeViolations(page);
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  await page.getByLabel('Code from your app').fill('123');
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Check the highlighted field' })).toBeVisible();
  await page.getByLabel('Code from your app').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  const codeItems = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codeItems).toHaveCount(10, { timeout: 15_000 });
  const codes = await codeItems.allTextContents();
  await expect(page.getByRole('link', { name: 'Download codes' })).toHaveAttribute('download', 'tokenshop-recovery-codes.txt');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'I have saved my codes' }).click();
  await expect(section.getByTestId('two-step-status')).toContainText('On.');
  await expect(section.getByTestId('recovery-codes-left')).toHaveText('10');

  // Sign out; the password alone no longer signs in.
  await account.signOut.click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible({ timeout: 15_000 });
  await login.goto('/account');
  await login.signIn(uniqueUser);
  await expect(page).toHaveURL(/\/login\/two-step\?next=%2Faccount$/);
  expect((await page.context().cookies()).some((c) => c.name === 'access')).toBe(false);
  await expectNoAxeViolations(page);
  // The confirmation used this step's code: the next step's works (±1 step is accepted).
  const code = totpCode(secret, Date.now() + 30_000);
  await page.getByLabel('Code from your authenticator app').fill(code);
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await account.expectSignedInAs(uniqueUser);
  await expect(page.getByTestId('sign-in-method')).toContainText('password + one-time code (two factors)');

  // The same code again: refused.
  await account.signOut.click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible({ timeout: 15_000 });
  await login.goto('/account');
  await login.signIn(uniqueUser);
  await page.getByLabel('Code from your authenticator app').fill(code);
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That code is not right' })).toBeVisible();

  // A recovery code works once.
  await page.getByText('Use a recovery code instead').click();
  await page.getByLabel('Recovery code').fill(codes[0]!);
  await page.getByRole('button', { name: 'Use recovery code' }).click();
  await account.expectSignedInAs(uniqueUser);
  await expect(page.getByRole('region', { name: 'Two-step sign-in' }).getByTestId('recovery-codes-left')).toHaveText('9');
  await account.signOut.click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible({ timeout: 15_000 });
  await login.goto('/account');
  await login.signIn(uniqueUser);
  await page.getByText('Use a recovery code instead').click();
  await page.getByLabel('Recovery code').fill(codes[0]!);
  await page.getByRole('button', { name: 'Use recovery code' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'already used' })).toBeVisible();
});

test('five wrong codes end the second step', async ({ page, request, uniqueUser, signUpViaApi, baseURL }) => {
  await signUpViaApi(page.request, uniqueUser);
  const origin = new URL(baseURL!).origin;
  const headers = { Origin: origin, 'Content-Type': 'application/json' };
  const { secret } = await (await page.request.post('/api/account/totp', { headers, data: {} })).json();
  expect((await page.request.post('/api/account/totp/confirm', { headers, data: { code: totpCode(secret) } })).status()).toBe(200);
  await page.context().clearCookies();

  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(uniqueUser);
  await expect(page).toHaveURL(/\/login\/two-step/);
  const wrong = totpCode(secret, Date.now() - 10 * 60_000);
  for (let left = 4; left >= 1; left--) {
    await page.getByLabel('Code from your authenticator app').fill(wrong);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: `That code is not right. Check your authenticator app and try again. ${left} more` })).toBeVisible();
  }
  await page.getByLabel('Code from your authenticator app').fill(wrong);
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This sign-in attempt has ended' })).toBeVisible();
  await page.getByRole('link', { name: 'Sign in again' }).click();
  await login.expectShown();

  // Programs cannot do a second step: the password grant points to API tokens.
  const grant = await request.post('/api/auth/token', { form: { grant_type: 'password', username: uniqueUser.email, password: uniqueUser.password } });
  expect(grant.status()).toBe(400);
  expect(await grant.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringContaining('API token') });
});

test('delete my account: typed address, every token dead, the address can sign up again', async ({ page, request, uniqueUser, signUpViaApi, baseURL }) => {
  await signUpViaApi(page.request, uniqueUser);
  const origin = new URL(baseURL!).origin;
  const account = new AccountPage(page);
  await account.goto();
  const tokens = page.getByRole('region', { name: 'API tokens' });
  await tokens.getByLabel('Token name').fill('export script');
  await tokens.getByRole('checkbox', { name: /profile:read/ }).check();
  await tokens.getByRole('button', { name: 'Create token' }).click();
  const apiToken = await tokens.getByLabel('New API token').inputValue();
  expect((await request.get('/api/me', { headers: { Authorization: `Bearer ${apiToken}` } })).status()).toBe(200);

  const section = page.getByRole('region', { name: 'Delete account' });
  await expectNoAxeViolations(page);
  await section.getByLabel(/Type your email address/).fill('not-me@example.test');
  await section.getByRole('button', { name: 'Delete my account' }).click();
  await expect(section.getByRole('alert').filter({ hasText: 'Type your email address exactly' })).toBeVisible();
  await section.getByLabel(/Type your email address/).fill(uniqueUser.email);
  await section.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(/\/login\?reason=account_deleted$/);
  await expect(page.getByText('Your account was deleted.')).toBeVisible();

  expect((await request.get('/api/me', { headers: { Authorization: `Bearer ${apiToken}` } })).status()).toBe(401);
  await account.goto();
  await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
  const again = await request.post('/api/auth/signup', { headers: { Origin: origin, 'Content-Type': 'application/json' }, data: uniqueUser });
  expect(again.status()).toBe(201);
});

// The README's pictures of two-step sign-in. Every run takes them (into the test's output folder)
// and checks they show the page; `UPDATE_SCREENSHOTS=1 npx playwright test e2e/two-step.spec.ts
// -g screenshots` also writes them over docs/screenshots/.
test('README screenshots of two-step sign-in', async ({ page, uniqueUser, signUpViaApi }, testInfo) => {
  const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : testInfo.outputPath('screenshots');
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await signUpViaApi(page.request, { ...uniqueUser, name: 'Ada Lovelace' });
  await page.goto('/account');
  await page.getByRole('region', { name: 'Two-step sign-in' }).getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  expect((await page.screenshot({ path: `${dir}/two-step-setup.png` })).byteLength).toBeGreaterThan(20_000);

  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  await page.getByLabel('Code from your app').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(page.getByTestId('recovery-codes')).toBeVisible();
  await page.context().clearCookies();
  const login = new LoginPage(page);
  await login.goto('/account');
  await login.signIn(uniqueUser);
  await expect(page.getByRole('heading', { name: 'Two-step sign-in' })).toBeVisible();
  expect((await page.screenshot({ path: `${dir}/second-step.png` })).byteLength).toBeGreaterThan(15_000);
});
