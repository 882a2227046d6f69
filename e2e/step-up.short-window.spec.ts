// Step-up on a server where a sign-in counts as recent for a few seconds (AUTH_STEP_UP_MAX_AGE,
// see e2e/support/servers.ts): a stale sign-in is asked again, and then carries on.
import { AccountPage } from './pages/account-page';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './support/strong';

// Long user stories on a shared, loaded machine: each step waits on a condition, never a sleep.
test.describe.configure({ timeout: 120_000 });

test('a stale sign-in confirms with the password, then the change goes through; an API token never steps up', async ({ page, request, uniqueUser, signUpViaApi, baseURL }) => {
  await signUpViaApi(page.request, uniqueUser);
  const origin = new URL(baseURL!).origin;
  const account = new AccountPage(page);

  // While the sign-in is stale, the account page says so (waiting on time itself: reload until it shows).
  await expect(async () => {
    await account.goto();
    await expect(page.getByTestId('step-up-notice')).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000 });
  const form = page.getByRole('region', { name: 'Change password' });
  await form.getByLabel('Current password').fill(uniqueUser.password);
  await form.getByLabel('New password').fill('a brand new password');
  await form.getByRole('button', { name: 'Change password' }).click();

  await expect(page).toHaveURL(/\/account\/reauth\?next=%2Faccount%23password$/);
  await expect(page.getByText('changing your password needs a recent sign-in')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Password', { exact: true }).fill('not my password');
  await page.getByRole('button', { name: 'Confirm and continue' }).click();
  // Said once, at the field (the form's alert does not repeat a field's error).
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('That password is not right.')).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(uniqueUser.password);
  await page.getByRole('button', { name: 'Confirm and continue' }).click();
  await expect(page).toHaveURL(/\/account#password$/);
  await expect(page.getByTestId('sign-in-method')).toContainText('password');

  await form.getByLabel('Current password').fill(uniqueUser.password);
  await form.getByLabel('New password').fill('a brand new password');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('status')).toContainText('Password changed.');

  // The JSON API says the same: 403 reauth_required once stale.
  const headers = { Origin: origin, 'Content-Type': 'application/json' };
  await expect(async () => {
    const response = await page.request.post('/api/account/recovery-codes', { headers, data: {} });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe('reauth_required');
  }).toPass({ timeout: 20_000 });
  const reauth = await page.request.post('/api/auth/reauth', { headers, data: { password: 'a brand new password' } });
  expect(reauth.status()).toBe(200);
  // A fresh sign-in: the change goes through (409: two-step sign-in is not on, past the step-up check).
  expect((await page.request.post('/api/account/recovery-codes', { headers, data: {} })).status()).toBe(409);

  // A personal API token never counts as a recent sign-in, and cannot re-authenticate.
  await account.goto();
  const tokens = page.getByRole('region', { name: 'API tokens' });
  await tokens.getByLabel('Token name').fill('script');
  await tokens.getByRole('checkbox', { name: /profile:read/ }).check();
  await tokens.getByRole('button', { name: 'Create token' }).click();
  let apiToken = '';
  await expect(async () => {
    if (page.url().includes('/account/reauth')) {
      await page.getByLabel('Password', { exact: true }).fill('a brand new password');
      await page.getByRole('button', { name: 'Confirm and continue' }).click();
      await tokens.getByLabel('Token name').fill('script');
      await tokens.getByRole('checkbox', { name: /profile:read/ }).check();
      await tokens.getByRole('button', { name: 'Create token' }).click();
    }
    apiToken = await tokens.getByLabel('New API token').inputValue({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const bearer = { Authorization: `Bearer ${apiToken}`, 'Content-Type': 'application/json' };
  expect((await request.post('/api/auth/reauth', { headers: bearer, data: { password: 'a brand new password' } })).status()).toBe(403);
  expect((await request.delete('/api/account', { headers: bearer, data: { email: uniqueUser.email } })).status()).toBe(403);
});
