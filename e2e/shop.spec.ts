// The shop as a shopper uses it: browse, add to cart signed out, sign in, change the cart,
// check out, see the order, sign out. Plus accessibility scans of the shop's pages.
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { CartPage, CataloguePage, ProductPage, ShopHeader } from './pages/shop-pages';

async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  // Every page has a title. Next streams a dynamic page's metadata, and the refresh after a server
  // action (add to cart) replaces it: wait until it is there, then scan the settled page.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('signed out: add two products, cart, checkout asks to sign in, sign in, checkout shows both, place the order, sign out', async ({
  page,
  request,
  uniqueUser,
  signUpViaApi,
}) => {
  // The account exists, but this browser is signed out.
  await signUpViaApi(request, uniqueUser);
  const header = new ShopHeader(page);
  const catalogue = new CataloguePage(page);
  const cart = new CartPage(page);

  await catalogue.goto();
  await catalogue.open('Cedar Notebook');
  await new ProductPage(page).add(2);
  // Signed out, the item goes straight into the guest cart: no sign-in, no detour.
  await expect(page.getByRole('status').filter({ hasText: 'Added 2 × Cedar Notebook to your cart' })).toBeVisible();
  await expect(page).toHaveURL(/\/products\/cedar-notebook$/);
  await expect(header.cartLink(2)).toBeVisible();
  await catalogue.goto();
  await catalogue.open('Fern Planter');
  await new ProductPage(page).add(1);
  await expect(header.cartLink(3)).toBeVisible();

  await header.cartLink(3).click();
  await expect(cart.heading).toBeVisible();
  await expect(cart.quantityOf('Cedar Notebook')).toHaveValue('2');
  await expect(cart.quantityOf('Fern Planter')).toHaveValue('1');
  await cart.setQuantity('Cedar Notebook', 3);
  await expect(cart.total).toHaveText('$75.50');
  await expect(header.cartLink(4)).toBeVisible();

  await cart.signInToCheckout.click();
  await expect(page).toHaveURL(/\/login\?next=%2Fcheckout$/);
  await new LoginPage(page).signIn(uniqueUser);
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Cedar Notebook' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Fern Planter' })).toBeVisible();
  await expect(header.cartLink(4)).toBeVisible();
  // The guest cart's cookie went with the merge.
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain('cart');
  await page.getByRole('button', { name: /Place order/ }).click();

  await expect(page).toHaveURL(/\/orders\/[^/?]+\?placed=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'Thank you! Your order is confirmed.' })).toBeVisible();
  await expect(page.getByTestId('order-total')).toHaveText('$75.50');
  await expect(page.getByRole('rowheader', { name: 'Cedar Notebook' })).toBeVisible();
  await expect(header.cartLink(0)).toBeVisible();

  await header.nav.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your orders' })).toBeVisible();
  await expect(page.getByText('3 × Cedar Notebook')).toBeVisible();

  // Sign out, then Back: nothing private comes back from the cache.
  await header.signOut.click();
  await expect(page).toHaveURL(/\/$/);
  await page.goBack();
  await expect(page.getByText('3 × Cedar Notebook')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('a product that is not in stock enough is refused with the reason, and the cart stays as it was', async ({
  page,
  uniqueUser,
  signUpViaApi,
}) => {
  await signUpViaApi(page.request, uniqueUser);
  await page.goto('/products/compass-keyring');
  const product = new ProductPage(page);
  // The quantity box allows up to the stock (5); ask for more via the form's own validation bypass.
  await product.quantity.evaluate((input: HTMLInputElement) => input.removeAttribute('max'));
  await product.add(50);
  await expect(page.getByRole('status').filter({ hasText: /Compass Keyring.*left/ })).toBeVisible();
  await expect(new ShopHeader(page).cartLink(0)).toBeVisible();
});

test('protected shop pages send no-store and need sign-in; the cart is public and private, no-store', async ({ request }) => {
  for (const path of ['/checkout', '/orders']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(303);
    expect(response.headers().location, path).toContain(`/login?next=${encodeURIComponent(path)}`);
  }
  const cart = await request.get('/cart', { maxRedirects: 0 });
  expect(cart.status()).toBe(200);
  expect(cart.headers()['cache-control']).toBe('private, no-store');
  // Viewing it starts no cart.
  expect(cart.headers()['set-cookie'] ?? '').not.toMatch(/(^|\s)(__Host-)?cart=/);
});

test('signed-in shop pages are private, no-store', async ({ request, uniqueUser, signUpViaApi }) => {
  await signUpViaApi(request, uniqueUser);
  for (const path of ['/cart', '/checkout', '/orders']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['cache-control'], path).toContain('no-store');
  }
});

test('the JSON API: add with a 400 naming the field, another user’s order is 404', async ({ playwright, baseURL, uniqueUser, signUpViaApi }) => {
  const origin = new URL(baseURL!).origin;
  const a = await playwright.request.newContext({ baseURL });
  const b = await playwright.request.newContext({ baseURL });
  await signUpViaApi(a, uniqueUser);
  await signUpViaApi(b, { ...uniqueUser, email: `b-${uniqueUser.email}` });
  const headers = { Origin: origin, 'Content-Type': 'application/json' };

  const { products } = (await (await a.get('/api/products?limit=48')).json()) as { products: { id: string; slug: string }[] };
  const pin = products.find((p) => p.slug === 'pixel-enamel-pin')!;
  const bad = await a.post('/api/cart/items', { headers, data: { productId: pin.id, quantity: 0 } });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty('quantity');

  expect((await a.post('/api/cart/items', { headers, data: { productId: pin.id, quantity: 2 } })).status()).toBe(200);
  const placed = await a.post('/api/checkout', { headers: { Origin: origin } });
  expect(placed.status()).toBe(201);
  const { order } = (await placed.json()) as { order: { id: string } };
  expect((await a.get(`/api/orders/${order.id}`)).status()).toBe(200);
  expect((await b.get(`/api/orders/${order.id}`)).status()).toBe(404);
  await Promise.all([a.dispose(), b.dispose()]);
});

test('catalogue, search results, product, cart and checkout have no serious accessibility violations', async ({ page, uniqueUser, signUpViaApi }) => {
  // Eleven axe scans of full pages: on a loaded 2-core machine that alone can take a minute.
  test.setTimeout(120_000);
  await page.goto('/');
  await expectNoSeriousAxeViolations(page, 'catalogue (signed out)');
  await page.goto('/?q=wool&sort=price_desc');
  await expect(page.getByTestId('result-summary')).toContainText('for “wool”');
  await expectNoSeriousAxeViolations(page, 'search results');
  await page.goto('/?q=nothing-like-this');
  await expectNoSeriousAxeViolations(page, 'empty search result');
  await page.goto('/?category=outdoors&page=1');
  await expectNoSeriousAxeViolations(page, 'category with a sold-out product');
  await page.goto('/products/starlight-lantern');
  await expectNoSeriousAxeViolations(page, 'sold-out product');
  await page.goto('/products/aurora-mug');
  await expectNoSeriousAxeViolations(page, 'product (signed out)');
  await new ProductPage(page).add(1);
  await expect(page.getByRole('status').filter({ hasText: 'Added 1 × Aurora Mug' })).toBeVisible();
  await page.goto('/cart');
  await expectNoSeriousAxeViolations(page, 'guest cart');

  await signUpViaApi(page.request, uniqueUser);
  await page.goto('/products/aurora-mug');
  await new ProductPage(page).add(1);
  await expect(page.getByRole('status').filter({ hasText: 'Added 1 × Aurora Mug' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'product (signed in, after adding)');
  await page.goto('/');
  await expectNoSeriousAxeViolations(page, 'catalogue (signed in)');
  await page.goto('/cart');
  await expectNoSeriousAxeViolations(page, 'cart');
  await page.goto('/checkout');
  await expectNoSeriousAxeViolations(page, 'checkout');
});

// The README's pictures of the catalogue and a filled cart. Every run takes them (into the test's
// output folder) and checks they show the page; `UPDATE_SCREENSHOTS=1 npx playwright test
// e2e/shop.spec.ts -g screenshots` also writes them over docs/screenshots/.
test('README screenshots', async ({ page, uniqueUser, signUpViaApi }, testInfo) => {
  const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : testInfo.outputPath('screenshots');
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const catalogue = await page.screenshot({ path: `${dir}/catalogue.png` });
  expect(catalogue.byteLength).toBeGreaterThan(20_000);

  // A search: one category, cheapest first, with a sold-out product among them.
  await page.goto('/?category=outdoors&sort=price_asc');
  await expect(page.getByTestId('result-summary')).toContainText('in Outdoors');
  await page.getByRole('search', { name: 'Products' }).scrollIntoViewIfNeeded();
  const search = await page.screenshot({ path: `${dir}/catalogue-search.png`, fullPage: true });
  expect(search.byteLength).toBeGreaterThan(20_000);

  // The guest cart: filled signed out.
  for (const [slug, quantity] of [['aurora-mug', 2], ['lumen-desk-lamp', 1], ['fern-planter', 1]] as const) {
    await page.goto(`/products/${slug}`);
    await new ProductPage(page).add(quantity);
    await expect(page.getByRole('status').filter({ hasText: 'Added' })).toBeVisible();
  }
  await page.goto('/cart');
  await expect(page.getByRole('heading', { name: 'Your cart' })).toBeVisible();
  await expect(new CartPage(page).signInToCheckout).toBeVisible();
  const guestCart = await page.screenshot({ path: `${dir}/guest-cart.png` });
  expect(guestCart.byteLength).toBeGreaterThan(20_000);

  await signUpViaApi(page.request, { ...uniqueUser, name: 'Ada Lovelace' });
  await page.goto('/cart');
  await expect(page.getByRole('heading', { name: 'Your cart' })).toBeVisible();
  const cart = await page.screenshot({ path: `${dir}/cart.png` });
  expect(cart.byteLength).toBeGreaterThan(20_000);
});
