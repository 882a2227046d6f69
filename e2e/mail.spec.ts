// The account flows that go through the mailbox, in the browser, over real SMTP: the app sends to
// the mail catcher (a Playwright webServer), the test reads the mail, follows its link and
// finishes the flow.
import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { SignupPage } from './pages/signup-page';
import { linkTo, mailsTo, waitForMail } from './support/mailbox';

test('sign up → the verification mail → confirm → /account shows the address verified', async ({ page, uniqueUser }) => {
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.fill(uniqueUser);
  await signup.submit.click();
  // Sign-up hashes a password and writes the account and its mail: allow for a loaded machine.
  // A new user lands where they were going (here the catalogue); the address's state is on /account.
  await expect(page).toHaveURL(/\/$/, { timeout: 20_000 });
  await page.goto('/account');
  await expect(page.getByTestId('email-status')).toHaveText('Not verified');
  await expect(page.getByRole('button', { name: 'Resend the confirmation mail' })).toBeVisible();

  const mail = await waitForMail(page.request, uniqueUser.email, /Confirm your email address/);
  expect(mail.text).toContain('Tokenshop');
  expect(mail.html).toContain('Confirm my address');
  // Opening the link uses nothing up: the page only offers the button.
  await page.goto(linkTo(mail, '/verify-email'));
  await page.reload();
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByRole('status')).toContainText(`${uniqueUser.email} is confirmed`);
  await page.goto('/account');
  await expect(page.getByTestId('email-status')).toHaveText('Verified');
  await expect(page.getByRole('button', { name: 'Resend the confirmation mail' })).toHaveCount(0);
});

test('forgot → reset: every old sign-in and API token dies, and the new password signs in', async ({ page, browser, playwright, baseURL, uniqueUser, signUpViaApi }) => {
  // Another device, signed in, with a personal API token.
  const other = await playwright.request.newContext({ baseURL });
  await signUpViaApi(other, uniqueUser);
  const origin = new URL(baseURL!).origin;
  const created = await other.post('/api/account/tokens', {
    headers: { Origin: origin },
    data: { name: 'script', scopes: ['profile:read'], expiresInDays: 30 },
  });
  expect(created.status()).toBe(201);
  const { token } = (await created.json()) as { token: string };
  expect((await other.get('/api/me')).status()).toBe(200);

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(uniqueUser.email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('status')).toContainText(`If an account exists for ${uniqueUser.email}`);

  const mail = await waitForMail(page.request, uniqueUser.email, /Reset your Tokenshop password/);
  const link = linkTo(mail, '/reset-password');
  expect(new URL(link).origin).toBe(origin);
  await page.goto(link);
  const newPassword = `New-${randomUUID()}`;
  await page.getByRole('textbox', { name: 'New password' }).fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password was changed. Every sign-in of your account has ended (1 sign-in(s) and 1 API token(s))');

  expect((await other.get('/api/me')).status()).toBe(401);
  expect((await other.get('/api/me', { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
  await other.dispose();
  // The link works once.
  await page.goto(link);
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('This link is not valid any more');

  await expect(page.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
  const fresh = await browser.newContext({ baseURL });
  const freshPage = await fresh.newPage();
  const login = new LoginPage(freshPage);
  await login.goto('/account');
  await login.signIn({ email: uniqueUser.email, password: uniqueUser.password });
  await expect(freshPage.getByRole('alert').filter({ hasText: /\S/ })).toContainText('The email or password is incorrect.');
  await login.signIn({ email: uniqueUser.email, password: newPassword });
  await expect(freshPage).toHaveURL(/\/account$/, { timeout: 20_000 });
  await waitForMail(page.request, uniqueUser.email, /password was changed/);
  await fresh.close();
});

test('change of address: a confirmation to the new address, a notice to the old one, applied on confirmation', async ({ page, uniqueUser, signUpViaApi }) => {
  await signUpViaApi(page.request, uniqueUser);
  const newEmail = `moved-${randomUUID().slice(0, 8)}@example.test`;
  await page.goto('/account');
  const form = page.getByRole('form', { name: 'Change your address' });
  await form.getByLabel('New email address').fill(newEmail);
  await form.getByLabel('Your password').fill(uniqueUser.password);
  await form.getByRole('button', { name: 'Send a confirmation link' }).click();
  await expect(form.getByRole('status')).toContainText(`We sent a link to ${newEmail}`);
  await expect(page.getByTestId('account-email')).toHaveText(uniqueUser.email);

  const confirmation = await waitForMail(page.request, newEmail, /Confirm your new email address/);
  await page.goto(linkTo(confirmation, '/verify-email'));
  await page.getByRole('button', { name: 'Confirm my new address' }).click();
  await expect(page.getByRole('status')).toContainText(`the address of your account is now ${newEmail}`);

  const notice = await waitForMail(page.request, uniqueUser.email, /email address was changed/);
  expect(notice.text).toContain(newEmail);
  await page.goto('/account');
  await expect(page.getByTestId('account-email')).toHaveText(newEmail);
  await expect(page.getByTestId('email-status')).toHaveText('Verified');
});

test('order confirmation: items, prices paid, total and a link to the order', async ({ page, uniqueUser, signUpViaApi, baseURL }) => {
  await signUpViaApi(page.request, uniqueUser);
  const origin = new URL(baseURL!).origin;
  const { products } = (await (await page.request.get('/api/products')).json()) as { products: { id: string; name: string; priceCents: number; stock: number }[] };
  const product = products.find((p) => p.stock > 2)!;
  expect((await page.request.post('/api/cart/items', { headers: { Origin: origin }, data: { productId: product.id, quantity: 2 } })).status()).toBe(200);
  const placed = await page.request.post('/api/checkout', { headers: { Origin: origin } });
  expect(placed.status()).toBe(201);
  const { order } = (await placed.json()) as { order: { id: string; totalCents: number } };

  const mail = await waitForMail(page.request, uniqueUser.email, new RegExp(`order ${order.id}`));
  const price = `$${(product.priceCents / 100).toFixed(2)}`;
  expect(mail.text).toContain(`2 × ${product.name} at ${price}`);
  expect(mail.text).toContain(`Total: $${(order.totalCents / 100).toFixed(2)}`);
  await page.goto(linkTo(mail, `/orders/${order.id}`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/order/i);
  // One confirmation per order.
  expect((await mailsTo(page.request, uniqueUser.email)).filter((m) => m.subject.includes(order.id))).toHaveLength(1);
});

test('/dev/mailbox does not exist in production', async ({ request }) => {
  expect((await request.get('/dev/mailbox')).status()).toBe(404);
});
