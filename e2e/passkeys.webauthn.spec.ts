// Passkeys in a real browser with Chromium's virtual authenticator (DevTools WebAuthn domain).
// This project's server is reached as http://localhost: WebAuthn refuses IP addresses.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { AccountPage } from './pages/account-page';
import { LoginPage } from './pages/login-page';
import { expect, test } from './fixtures';
import { addVirtualAuthenticator, expectNoAxeViolations } from './support/strong';

// Long user stories on a shared, loaded machine: each step waits on a condition, never a sleep.
test.describe.configure({ timeout: 120_000 });

async function addPasskey(page: Page, name: string): Promise<void> {
  const section = page.getByRole('region', { name: 'Passkeys' });
  await section.getByLabel('Passkey name').fill(name);
  await section.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(section.getByRole('status')).toContainText(`Passkey “${name}” added.`);
  await expect(section.getByTestId('passkey').filter({ hasText: name })).toBeVisible();
}

/** Signs out with the header's button and waits until the browser really is signed out. */
async function signOut(page: Page): Promise<void> {
  await new AccountPage(page).signOut.click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible({ timeout: 15_000 });
}

/** The sign-in page without its autofill request, so that only the button can sign in. */
async function loginWithoutAutofill(page: Page, next: string): Promise<void> {
  let first = true;
  await page.route('**/api/auth/passkey/options', async (route) => {
    if (first) {
      first = false;
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await new LoginPage(page).goto(next);
}

test('add a passkey, sign in with it (button and autofill), rename and remove it', async ({ page, uniqueUser, signUpViaApi }) => {
  await signUpViaApi(page.request, uniqueUser);
  const authenticator = await addVirtualAuthenticator(page);
  const account = new AccountPage(page);
  const login = new LoginPage(page);
  await account.goto();
  await addPasskey(page, 'Test laptop');
  expect(await authenticator.credentialCount()).toBe(1);
  await expect(page.getByTestId('passkey')).toContainText('last used never');
  await expectNoAxeViolations(page);

  // The button.
  await signOut(page);
  await loginWithoutAutofill(page, '/account');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await account.expectSignedInAs(uniqueUser);
  await expect(page.getByTestId('sign-in-method')).toContainText('passkey');
  await expect(page.getByTestId('passkey')).not.toContainText('last used never');
  await page.unrouteAll();

  // Autofill: the page asks with conditional mediation as it loads; the virtual authenticator
  // answers that request by itself, as a person picking the passkey in the email field would.
  await signOut(page);
  await page.goto('/login?next=%2Faccount');
  await account.expectSignedInAs(uniqueUser);

  // Rename, then remove; the passkey no longer signs in.
  const item = page.getByTestId('passkey').filter({ hasText: 'Test laptop' });
  await item.getByLabel('New name for Test laptop').fill('Old laptop');
  await item.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByTestId('passkey').filter({ hasText: 'Old laptop' })).toBeVisible();
  await page.getByTestId('passkey').getByRole('button', { name: 'Remove Old laptop' }).click();
  await expect(page.getByTestId('passkey')).toHaveCount(0);
  await signOut(page);
  await loginWithoutAutofill(page, '/account');
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not registered here' })).toBeVisible();
  await login.expectShown();
});

test('a replayed assertion is refused', async ({ page, uniqueUser, signUpViaApi, baseURL }) => {
  await signUpViaApi(page.request, uniqueUser);
  await addVirtualAuthenticator(page);
  const account = new AccountPage(page);
  await account.goto();
  await addPasskey(page, 'Replay key');
  await signOut(page);

  // The sign-in page's autofill request signs in by itself (see above).
  const verify = page.waitForRequest((r) => r.url().endsWith('/api/auth/passkey/verify'));
  await page.goto('/login?next=%2Faccount');
  const captured = (await verify).postDataJSON() as unknown;
  await account.expectSignedInAs(uniqueUser);

  // The same signed assertion again, even with a fresh sign-in attempt open: its challenge is gone.
  const headers = { Origin: new URL(baseURL!).origin, 'Content-Type': 'application/json' };
  expect((await page.request.post('/api/auth/passkey/options', { headers, data: {} })).status()).toBe(200);
  const replay = await page.request.post('/api/auth/passkey/verify', { headers, data: captured });
  expect(replay.status()).toBe(401);
  expect((await replay.json()).error.code).toBe('passkey_refused');
});

test("another account's passkey cannot confirm a step-up", async ({ browser, uniqueUser, signUpViaApi, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await addVirtualAuthenticator(page);
  const account = new AccountPage(page);

  // Alice adds a passkey; the authenticator keeps it.
  await signUpViaApi(page.request, uniqueUser);
  await account.goto();
  await addPasskey(page, 'Alice key');
  const { passkeys } = await (await page.request.get('/api/account/passkeys')).json();
  const aliceCredential = passkeys[0].id as string;
  await signOut(page);

  // Bob, in the same browser, has his own passkey and asks to step up, but answers with Alice's.
  const bob = { ...uniqueUser, email: `bob-${uniqueUser.email}` };
  await signUpViaApi(page.request, bob);
  await account.goto();
  await addPasskey(page, 'Bob key');
  await page.goto('/account/reauth?next=%2Faccount');
  await expectNoAxeViolations(page);
  const outcome = await page.evaluate(async (credentialId) => {
    const b64 = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(s.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    const out = (buffer: ArrayBuffer | null) => (buffer ? btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : undefined);
    const post = (path: string, body: unknown) => fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const { options } = await (await post('/api/auth/reauth/options', {})).json();
    const credential = (await navigator.credentials.get({
      publicKey: { challenge: b64(options.challenge), rpId: options.rpId, userVerification: 'required', allowCredentials: [{ type: 'public-key', id: b64(credentialId) }] },
    })) as PublicKeyCredential;
    const response = credential.response as AuthenticatorAssertionResponse;
    const answer = await post('/api/auth/reauth', {
      response: {
        id: credential.id,
        rawId: out(credential.rawId),
        type: 'public-key',
        clientExtensionResults: {},
        response: {
          clientDataJSON: out(response.clientDataJSON),
          authenticatorData: out(response.authenticatorData),
          signature: out(response.signature),
          userHandle: out(response.userHandle),
        },
      },
    });
    return { status: answer.status, body: await answer.json() };
  }, aliceCredential);
  expect(outcome.status).toBe(401);
  expect(outcome.body.error.message).toContain('another account');

  // His own passkey does.
  await page.getByRole('button', { name: 'Confirm with a passkey' }).click();
  await expect(page).toHaveURL(/\/account$/, { timeout: 15_000 });
  await context.close();
});

// The README's picture of the passkeys section (UPDATE_SCREENSHOTS=1 writes it to docs/screenshots/).
test('README screenshot of passkeys', async ({ page, uniqueUser, signUpViaApi }, testInfo) => {
  const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : testInfo.outputPath('screenshots');
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await signUpViaApi(page.request, { ...uniqueUser, name: 'Ada Lovelace' });
  await addVirtualAuthenticator(page);
  await page.goto('/account');
  await addPasskey(page, 'MacBook Touch ID');
  const section = page.getByRole('region', { name: 'Passkeys' });
  expect((await section.screenshot({ path: `${dir}/passkeys.png` })).byteLength).toBeGreaterThan(10_000);
});
