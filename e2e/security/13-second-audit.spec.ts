// 13. The second audit, tried as an attacker with a real browser against the production build:
// sign-out leaves nothing in the page's memory, API tokens never open or personalise a page,
// /learn holds no working token and its tamper form works without JavaScript, a hint cookie the
// app cannot clear does not loop the browser, and bad input is a 4xx, never a 500.
import { expect, test } from '../fixtures';

/** Signs a user up in the browser context (cookies land in its jar) and returns them. */
async function signedIn(page: import('@playwright/test').Page, signUpViaApi: (r: import('@playwright/test').APIRequestContext, u: { email: string; name: string; password: string }) => Promise<unknown>, user: { email: string; name: string; password: string }) {
  await signUpViaApi(page.request, user);
}

test('13 sign-out ends in a full page load: no account data in memory, Back shows none', async ({ page, uniqueUser, signUpViaApi }) => {
  await signedIn(page, signUpViaApi, uniqueUser);
  await page.goto('/account');
  await expect(page.getByTestId('account-email')).toHaveText(uniqueUser.email);
  await page.evaluate(() => ((window as unknown as { __beforeSignOut: number }).__beforeSignOut = 1));

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  // A full page load: the old document (and its flight payload) is gone.
  expect(await page.evaluate(() => (window as unknown as { __beforeSignOut?: number }).__beforeSignOut)).toBeUndefined();
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  expect(html).not.toContain(uniqueUser.email);
  expect(html).not.toContain(uniqueUser.name);

  await page.goBack();
  await page.waitForLoadState('load');
  expect(await page.content()).not.toContain(uniqueUser.email);
});

test('13 sign-out everywhere is a plain form POST answered 303 (works without JavaScript)', async ({ browser, uniqueUser, signUpViaApi, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL!, javaScriptEnabled: false });
  const page = await context.newPage();
  await signUpViaApi(page.request, uniqueUser);
  await page.goto('/account');
  // The confirm step is a <details>: it opens without JavaScript too.
  await page.getByText('Sign out everywhere…').click();
  await page.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
  await page.waitForURL(/\/login\?reason=signed_out_everywhere/);
  expect(await page.content()).not.toContain(uniqueUser.email);
  expect((await page.request.get('/api/me')).status()).toBe(401);
  await context.close();
});

test('13 API tokens never open or personalise a page, as Bearer or in the access cookie', async ({ page, browser, uniqueUser, signUpViaApi, baseURL }) => {
  await signedIn(page, signUpViaApi, uniqueUser);
  await page.goto('/account');
  await page.getByLabel('Token name').fill('leaky script');
  await page.getByRole('checkbox', { name: /orders:read/ }).check();
  await page.getByRole('button', { name: 'Create token' }).click();
  const apiToken = await page.getByLabel('New API token').inputValue();
  expect(apiToken.split('.')).toHaveLength(3);

  // As Bearer: the header shows nobody.
  const home = await page.request.fetch('/', { headers: { Authorization: `Bearer ${apiToken}` } });
  expect(home.status()).toBe(200);
  const homeHtml = await home.text();
  expect(homeHtml).not.toContain(uniqueUser.name);
  expect(homeHtml).not.toContain(uniqueUser.email);

  // In the access cookie of another browser: /learn stays signed out, /account asks to sign in.
  const url = new URL(baseURL!);
  const thief = await browser.newContext({ baseURL: baseURL! });
  await thief.addCookies([{ name: 'access', value: apiToken, domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
  const other = await thief.newPage();
  await other.goto('/learn');
  await expect(other.getByTestId('signed-out-token')).toBeVisible();
  const learnHtml = await other.content();
  for (const secret of [uniqueUser.email, uniqueUser.name]) expect(learnHtml).not.toContain(secret);
  await other.goto('/account');
  await expect(other).toHaveURL(/\/login\?next=%2Faccount/);
  await thief.close();
});

test('13 /learn shows the signature redacted: the page holds no working token', async ({ page, context, uniqueUser, signUpViaApi }) => {
  await signedIn(page, signUpViaApi, uniqueUser);
  const access = (await context.cookies()).find((c) => c.name === 'access')!;
  const signature = access.value.split('.')[2]!;
  await page.goto('/learn');
  await expect(page.getByTestId('raw-token').locator('[data-part="signature"]')).toContainText('hidden');
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  expect(html).not.toContain(signature);
  expect(html).not.toContain(access.value);
});

test('13 the tamper demo gives its verdict without JavaScript, and the answer holds no token', async ({ browser, uniqueUser, signUpViaApi, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL!, javaScriptEnabled: false });
  const page = await context.newPage();
  await signUpViaApi(page.request, uniqueUser);
  const access = (await context.cookies()).find((c) => c.name === 'access')!;
  await page.goto('/learn');
  const editor = page.getByLabel('Payload to send (edit any claim)');
  const payload = JSON.parse(await editor.inputValue()) as Record<string, unknown>;
  payload.sub = 'someone-else';
  await editor.fill(JSON.stringify(payload));
  await page.getByRole('button', { name: 'Verify with the server' }).click();
  await expect(page.getByTestId('tamper-result')).toContainText('Rejected');
  await expect(page.getByTestId('tamper-result')).toContainText('reason: signature');
  expect(await page.content()).not.toContain(access.value.split('.')[2]!);
  await context.close();
});

test('13 a hint cookie the app cannot clear costs at most one refresh hop, never a loop', async ({ browser, baseURL }) => {
  const url = new URL(baseURL!);
  const context = await browser.newContext({ baseURL: baseURL! });
  // As a sibling host or port over HTTP could toss it: a hint with a Path the app never clears.
  await context.addCookies([{ name: 'signed-in', value: '1', domain: url.hostname, path: '/products' }]);
  const page = await context.newPage();
  const hops: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/auth/refresh') hops.push(request.url());
  });
  const response = await page.goto('/products/aurora-mug');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(hops.length).toBeLessThanOrEqual(1);
  await page.goto('/products/cedar-notebook');
  expect(hops.length).toBeLessThanOrEqual(2);
  await context.close();
});

test('13 bad input is a 4xx with a clear message: a broken %-escape, ending another user’s sign-in', async ({ page, request, browser, uniqueUser, signUpViaApi, baseURL }) => {
  for (const path of ['/products/%ff', '/products/%e0%a4%a', '/api/products/%ff']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    const body = await response.text();
    expect(body).toMatch(/not valid/);
    expect(body).not.toMatch(/at \w+ \(|URIError|Error:/);
  }

  // Two sign-ins, so /account lists another one with a "Sign out" form; point it at a sign-in
  // that is not ours (another user's id would look the same: not found).
  await signUpViaApi(page.request, uniqueUser);
  const second = await browser.newContext({ baseURL: baseURL! });
  const origin = new URL(baseURL!).origin;
  await second.request.post('/api/auth/login', { headers: { Origin: origin }, data: { email: uniqueUser.email, password: uniqueUser.password } });
  await page.goto('/account');
  const form = page.getByTestId('session-item').locator('form').first();
  await form.locator('input[name="sid"]').evaluate((input: HTMLInputElement) => (input.value = '01900000-0000-7000-8000-000000000000'));
  const [action] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/account'),
    form.getByRole('button').click(),
  ]);
  expect(action.status()).toBeLessThan(500);
  await expect(page.getByTestId('account-notice')).toContainText('does not exist');
  await second.close();
});
