// The visual pass: every page and state at a phone width (390 px) and a desktop width (1440 px),
// in the light and the dark colour scheme. Each one must not scroll sideways, log nothing to the
// console (CSP violations included) and have no serious or critical axe finding. Screenshots go
// to the test's output folder on every run, and over docs/screenshots/ui/ with UPDATE_SCREENSHOTS=1:
//   UPDATE_SCREENSHOTS=1 npx playwright test e2e/ui.spec.ts --project chromium
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectEveryImageLoaded, expectNoSeriousAxeViolations, expectNoSidewaysScroll, watchConsole, watchCsp } from './support/ui-checks';

const WIDTHS = [390, 1440] as const;
const SCHEMES = ['light', 'dark'] as const;

for (const width of WIDTHS) {
  for (const scheme of SCHEMES) {
    test(`every page at ${width} px, ${scheme}: no sideways scroll, no console errors, axe clean`, async ({ browser, baseURL, uniqueUser, signUpViaApi }, testInfo) => {
      test.setTimeout(300_000);
      const phone = width < 600;
      const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots/ui' : testInfo.outputPath('screenshots');
      mkdirSync(dir, { recursive: true });
      const context = await browser.newContext({
        baseURL,
        viewport: { width, height: phone ? 844 : 900 },
        colorScheme: scheme,
        isMobile: phone,
        hasTouch: phone,
        timezoneId: 'Europe/Paris',
      });
      const page = await context.newPage();
      await watchCsp(page);
      const console = watchConsole(page);

      const check = async (name: string) => {
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // After a server action the refreshed page streams its metadata: check it once the title is back.
        await expect(page).toHaveTitle(/\S/);
        await expectNoSidewaysScroll(page, name);
        await expectNoSeriousAxeViolations(page, `${name} at ${width} px, ${scheme}`);
        await expectEveryImageLoaded(page, name);
        // Phones: the whole page (layout is what is checked there); desktops: the first screen.
        const shot = await page.screenshot({ path: `${dir}/${name}-${width}-${scheme}.png`, fullPage: phone });
        expect(shot.byteLength).toBeGreaterThan(10_000);
        expect(console.problems, `console on ${name}`).toEqual([]);
      };
      const visit = async (path: string, name: string) => {
        await page.goto(path);
        await check(name);
      };

      // Signed out.
      await visit('/', 'catalogue');
      await visit('/products/aurora-mug', 'product');
      await page.goto('/checkout');
      await expect(page.getByRole('status').filter({ hasText: 'Sign in to check out' })).toBeVisible();
      await check('login-why');
      await page.goto('/signup');
      await page.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
      await page.getByLabel('Email', { exact: true }).fill('not-an-email');
      await page.getByLabel('Password', { exact: true }).fill('short');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByLabel('Email', { exact: true })).toBeFocused();
      await check('signup-errors');
      await visit('/learn', 'learn');
      await visit('/no-such-page', 'not-found');
      if (phone) {
        await page.goto('/');
        await page.getByText('Menu', { exact: true }).click();
        await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
        await check('menu-signed-out');
      }

      // Signed in, with things in the cart, an order and an API token.
      await signUpViaApi(context.request, { ...uniqueUser, name: 'Ada Lovelace' });
      await addToCart(page, 'aurora-mug', '500');
      await expect(page.getByLabel('Quantity', { exact: true })).toHaveValue('500');
      await expect(page.getByLabel('Quantity', { exact: true })).toBeFocused();
      await check('product-error');
      await addToCart(page, 'aurora-mug', '2');
      await expect(page.getByRole('status').filter({ hasText: 'Added 2 × Aurora Mug' })).toBeVisible();
      await check('product-added');
      await addToCart(page, 'lumen-desk-lamp', '1');
      await expect(page.getByRole('status').filter({ hasText: 'Added 1 ×' })).toBeVisible();
      await visit('/cart', 'cart');
      await visit('/checkout', 'checkout');
      await page.getByRole('button', { name: /Place order/ }).click();
      // Checkout is one transaction, a redirect and a render: give a loaded machine time.
      await expect(page.getByRole('status').filter({ hasText: 'Thank you' })).toBeVisible({ timeout: 20_000 });
      await check('order');
      await visit('/orders', 'orders');
      await visit('/cart', 'cart-empty');
      await expect(page.getByTestId('cart-count')).toHaveCount(0);

      await page.goto('/account');
      await page.getByLabel('Token name').fill('budget script');
      await page.getByRole('checkbox', { name: /profile:read/ }).check();
      await page.getByRole('button', { name: 'Create token' }).click();
      await expect(page.getByLabel('New API token')).toBeVisible();
      await check('account');
      await page.getByText('Sign out everywhere…').click();
      await expect(page.getByRole('button', { name: 'Yes, sign out everywhere' })).toBeVisible();
      await check('account-confirm');
      await visit('/learn', 'learn-signed-in');
      if (phone) {
        await page.getByText('Menu', { exact: true }).click();
        await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: /Account/ })).toBeVisible();
        await check('menu-signed-in');
      }
      await context.close();
    });
  }
}

async function addToCart(page: Page, slug: string, quantity: string): Promise<void> {
  if (!page.url().endsWith(`/products/${slug}`)) await page.goto(`/products/${slug}`);
  await page.getByLabel('Quantity', { exact: true }).fill(quantity);
  await page.getByRole('button', { name: 'Add to cart' }).click();
}
