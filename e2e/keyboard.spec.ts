// Keyboard only: sign up, add to the cart, open the cart, check out, without a mouse. At every
// step focus is visible and never falls back to <body>, and after a submit it stays where the
// user is (the pending button keeps focus; an error takes it to the field at fault).
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** What has focus: its description, whether it is <body>, and whether a focus ring is drawn. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { body: true, visible: false, what: 'body' };
    const own = getComputedStyle(el);
    const after = getComputedStyle(el, '::after');
    const ring = (s: CSSStyleDeclaration) => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
    return { body: false, visible: !!(ring(own) || ring(after)), what: `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 40) ?? ''}` };
  });
}

/** Presses Tab until `target` has focus, checking each stop on the way. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    expect(now.body, 'focus fell to <body>').toBe(false);
    expect(now.visible, `no visible focus on ${now.what}`).toBe(true);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test('sign up → add to cart → cart → checkout, by keyboard alone', async ({ page, uniqueUser }) => {
  test.setTimeout(90_000);
  await page.goto('/signup?next=/products/aurora-mug');
  const name = page.getByLabel('Name', { exact: true });
  await tabTo(page, name);
  await page.keyboard.type(uniqueUser.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type('not-an-email');
  await page.keyboard.press('Tab');
  await page.keyboard.type(uniqueUser.password);
  await page.keyboard.press('Enter');
  // The error takes focus to the field at fault, with what was typed still there.
  const email = page.getByLabel('Email', { exact: true });
  await expect(email).toBeFocused();
  await expect(email).toHaveValue('not-an-email');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(uniqueUser.email);
  await tabTo(page, page.getByLabel('Password', { exact: true }));
  await page.keyboard.type(uniqueUser.password);
  await page.keyboard.press('Enter');

  // Back where the visitor was going, welcomed.
  await expect(page.getByRole('status').filter({ hasText: 'Welcome to Tokenshop' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Aurora Mug' })).toBeVisible();
  const quantity = page.getByLabel('Quantity', { exact: true });
  await tabTo(page, quantity, 60);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('2');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add to cart' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Added 2 × Aurora Mug' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add to cart' })).toBeFocused();

  await tabTo(page, page.getByRole('link', { name: 'View your cart' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Proceed to checkout' }), 60);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Check ?out/i);
  await tabTo(page, page.getByRole('button', { name: /Place order/ }), 60);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Thank you' })).toBeVisible({ timeout: 20_000 });
});

test('removing a cart line by keyboard moves focus to the next line, then to the heading', async ({ page, uniqueUser, signUpViaApi }) => {
  await signUpViaApi(page.request, uniqueUser);
  for (const slug of ['aurora-mug', 'fern-planter']) {
    await page.goto(`/products/${slug}`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added' })).toBeVisible();
  }
  await page.goto('/cart');
  const first = page.getByRole('button', { name: /^Remove / }).first();
  await first.focus();
  const remaining = await page.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Remove / }) }).nth(1).getByRole('heading').textContent();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: remaining!.trim(), exact: true })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: /^Remove / }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeFocused();
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
});
