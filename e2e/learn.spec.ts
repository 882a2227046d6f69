// /learn: the explainer for everyone, and for a signed-in visitor their own token, decoded by
// the server, with a tamper demo that the real verification rejects.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LearnPage } from './pages/learn-page';

async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('signed out: the page explains with diagrams and shows no token', async ({ page }) => {
  const learn = new LearnPage(page);
  await learn.goto();
  for (const name of ['HTTP forgets you between requests', 'Server sessions, and the second machine', 'A signed token carries its own proof', 'Where cookies fit', 'What this app does on every request', 'Refresh rotation']) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  await expect(learn.diagrams).toHaveCount(6);
  await expect(page.getByRole('img', { name: 'Server sessions with two machines' })).toBeVisible();
  await expect(learn.yourToken).toHaveCount(0);
  await expect(learn.rawToken).toHaveCount(0);
  await expect(page.getByTestId('signed-out-token')).toContainText('You are not signed in');
  await expectNoSeriousAxeViolations(page, '/learn signed out');
});

test('signed in: my own token decoded, its cookie, a ticking countdown, and a forged payload rejected', async ({ page, context, uniqueUser, signUpViaApi }) => {
  // page.request shares the browser context's cookie jar: the sign-up's cookies reach the page.
  await signUpViaApi(page.request, uniqueUser);
  const me = (await (await page.request.get('/api/me')).json()) as { user: { id: string } };
  const access = (await context.cookies()).find((c) => c.name === 'access');
  expect(access?.httpOnly).toBe(true);

  const learn = new LearnPage(page);
  await learn.goto();
  await expect(learn.yourToken).toBeVisible();

  // The raw token, in three parts of three colours: the cookie's header and payload, the
  // signature redacted (the page's HTML must not hold a working token).
  const parts = await Promise.all((['header', 'payload', 'signature'] as const).map((p) => learn.tokenPart(p).textContent()));
  expect(`${parts[0]}.${parts[1]}`).toBe(access!.value.split('.').slice(0, 2).join('.'));
  expect(parts[2]).toContain('hidden');
  expect(parts[2]).not.toContain(access!.value.split('.')[2]!);
  const colours = await Promise.all((['header', 'payload', 'signature'] as const).map((p) => learn.tokenPart(p).evaluate((el) => getComputedStyle(el).color)));
  expect(new Set(colours).size).toBe(3);
  await expect(page.getByTestId('decoded-header')).toContainText('"typ": "at+jwt"');
  await expect(page.getByTestId('decoded-payload')).toContainText(`"sub": "${me.user.id}"`);

  // Claims, with the subject matching /api/me and the header's typ and alg explained.
  await expect(learn.claimValue('sub')).toContainText(me.user.id);
  for (const claim of ['alg', 'typ', 'iss', 'aud', 'iat', 'exp', 'jti', 'sid']) await expect(learn.claimValue(claim)).toBeVisible();
  await expect(learn.claimValue('exp').locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);

  // The countdown is live.
  await expect(learn.countdown).toHaveText(/expires in \d+ min/);
  const before = await learn.countdown.textContent();
  await expect(learn.countdown).not.toHaveText(before!, { timeout: 2_500 });

  // The cookie as the server set it.
  await expect(page.getByTestId('set-cookie')).toHaveText('Set-Cookie: access=…; Path=/; Max-Age=900; HttpOnly; SameSite=Lax');
  await expect(learn.cookieAttributes).toContainText('HttpOnly');
  await expect(learn.cookieAttributes).toContainText('SameSite=Lax');
  await expect(learn.cookieAttributes).toContainText('Path=/');
  await expect(learn.cookieAttributes).toContainText('JavaScript cannot read it');

  // What the server stores: the user row without the hash, and this sign-in.
  await expect(page.getByTestId('user-row')).toContainText(uniqueUser.email);
  await expect(page.getByTestId('user-row')).toContainText('never shown');
  await expect(page.getByTestId('sign-ins')).toContainText('this sign-in (sid)');

  // Page JavaScript cannot see the token: the cookie is httpOnly.
  const documentCookie = await page.evaluate(() => document.cookie);
  expect(documentCookie).not.toContain(access!.value);
  expect(documentCookie).not.toMatch(/(^|;\s*)access=/);

  await expectNoSeriousAxeViolations(page, '/learn signed in');

  // Forge: become someone else. The server keeps the real signature, which no longer fits.
  await learn.tamper((payload) => {
    payload.sub = 'someone-else';
  });
  await expect(learn.tamperResult).toContainText('Rejected');
  await expect(learn.tamperResult).toContainText('reason: signature');
  await expect(learn.tamperResult).toContainText(/signature does not match/i);

  // Extend exp by a year: rejected for the same reason.
  await page.getByRole('button', { name: 'Reset' }).click();
  await learn.tamper((payload) => {
    payload.exp = Number(payload.exp) + 365 * 24 * 3600;
  });
  await expect(learn.tamperResult).toContainText('reason: signature');

  // Unchanged, it verifies, and the database says it is not revoked.
  await page.getByRole('button', { name: 'Reset' }).click();
  await learn.verify.click();
  await expect(learn.tamperResult).toContainText('Accepted');
  await expect(learn.tamperResult).toContainText('not revoked');

  // Still signed in afterwards, and the token never reached page JavaScript.
  expect(await page.evaluate(() => document.cookie)).not.toContain(access!.value);
  await expectNoSeriousAxeViolations(page, '/learn after the tamper demo');
});

test('the verify endpoint needs a session and this site\'s Origin', async ({ request, uniqueUser, signUpViaApi, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const anonymous = await request.post('/api/learn/verify', { headers: { Origin: origin }, data: { payload: { sub: 'x' } } });
  expect(anonymous.status()).toBe(401);

  await signUpViaApi(request, uniqueUser);
  const foreign = await request.post('/api/learn/verify', { headers: { Origin: 'https://evil.example' }, data: { payload: { sub: 'x' } } });
  expect(foreign.status()).toBe(403);
  const missing = await request.post('/api/learn/verify', { data: { payload: { sub: 'x' } } });
  expect(missing.status()).toBe(403);

  const forged = await request.post('/api/learn/verify', { headers: { Origin: origin }, data: { payload: { sub: 'x' } } });
  expect(forged.status()).toBe(200);
  const body = (await forged.json()) as { valid: boolean; reason: string };
  expect(body).toMatchObject({ valid: false, reason: 'signature' });
  expect(body).not.toHaveProperty('token');
  expect(JSON.stringify(body)).not.toContain('test-only-auth-secret');

  const bad = await request.post('/api/learn/verify', { headers: { Origin: origin }, data: { payload: 'nope' } });
  expect(bad.status()).toBe(400);
});
