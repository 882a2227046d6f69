// The front page as a first visit gets it: prerendered at build time, under a CSP naming the
// SHA-256 of each of its inline scripts (docs/architecture.md). It must run in the browser
// under that policy, show the database's stock (not the build's), and never go to a browser the
// server knows (a session, a cart): those get the page rendered per request, as before.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { CataloguePage, ProductPage, ShopHeader } from './pages/shop-pages';
import { hashScriptSrc, scriptSrc } from './support/csp';
import { SERVERS, databaseFile } from './support/servers';
import { watchConsole, watchCsp } from './support/ui-checks';

/** Sets a product's stock in the main server's database for the length of `body`, then puts it back. */
async function withStock(slug: string, stock: number, body: () => Promise<void>): Promise<void> {
  const db = new Database(join(process.cwd(), databaseFile(SERVERS.main.port)));
  const { stock: before } = db.prepare('SELECT "stock" FROM "Product" WHERE "slug" = ?').get(slug) as { stock: number };
  try {
    db.prepare('UPDATE "Product" SET "stock" = ? WHERE "slug" = ?').run(stock, slug);
    await body();
  } finally {
    db.prepare('UPDATE "Product" SET "stock" = ? WHERE "slug" = ?').run(before, slug);
    db.close();
  }
}

test('a first visit to / gets the prerendered page: its policy names exactly its inline scripts, and its bytes hold no stock', async ({ request }) => {
  const first = await request.get('/');
  expect(first.status()).toBe(200);
  expect(first.headers()['x-nextjs-prerender']).toBeTruthy();
  const html = await first.text();
  const policy = scriptSrc(first.headers()['content-security-policy']);
  expect(policy).toMatch(/^script-src 'self'( 'sha256-[^']+')+$/);
  expect(policy).toBe(hashScriptSrc(html));
  expect(policy).not.toMatch(/nonce|unsafe|strict-dynamic/);
  expect(html).not.toContain('nonce=');
  // The stock is the database's: the browser fetches it; the page's bytes hold none.
  expect(html).not.toContain('data-stock');
  // The same bytes for everyone it reaches, and never kept by a shared cache (the answer at /
  // depends on the cookies).
  expect(await (await request.get('/')).text()).toBe(html);
  expect(first.headers()['cache-control']).toBe('private, no-cache');
  // The time zone's cookie does not change the page; any other cookie, or a query, does.
  expect(await (await request.get('/', { headers: { Cookie: 'tz=Europe/Paris' } })).text()).toBe(html);
  // Nor does a client's own claim to the header by which the middleware tells the rewrite; and a
  // policy of the client's own making never reaches the page (Next would render it anew with that
  // nonce, and keep that render for everyone).
  const claimed = await request.get('/', { headers: { Cookie: 'unknown=1', 'x-prerendered-front-page': 'prerendered' } });
  expect(await claimed.text()).toContain('data-stock');
  await request.get('/', { headers: { 'Content-Security-Policy': "script-src 'nonce-chosenbytheclient'" } });
  expect(await (await request.get('/')).text()).toBe(html);
  for (const [path, headers] of [['/', { Cookie: 'unknown=1' }], ['/?sort=name', {}], ['/?page=1', {}]] as const) {
    const response = await request.get(path, { headers });
    expect(scriptSrc(response.headers()['content-security-policy']), path).toMatch(/^script-src 'self' 'nonce-[^']+' 'strict-dynamic'$/);
    expect(await response.text(), path).toContain('data-stock');
  }
  // Its own path is not a second address for it.
  const own = await request.get('/prerendered-front-page', { maxRedirects: 0 });
  expect(own.status()).toBe(308);
  expect(own.headers()['location']).toBe('/');
});

test('in the browser the prerendered page runs under its policy: the stock comes from the database, and links navigate client-side', async ({ page, browser }) => {
  const problems = watchConsole(page);
  await watchCsp(page);
  const catalogue = new CataloguePage(page);
  const badges = catalogue.products.locator('[data-stock]');

  await withStock('ember-candle', 2, async () => {
    await page.goto('/');
    await expect(badges).toHaveCount(12);
    const candle = catalogue.products.filter({ hasText: 'Ember Candle' });
    await expect(candle.locator('[data-stock]')).toHaveText('Only 2 left');
    // The same products, in the same order, with the same stock as the page rendered per request.
    const other = await browser.newPage();
    await other.goto('/?sort=name');
    const rendered = new CataloguePage(other).products;
    expect(await catalogue.products.locator('.product-card-title').allTextContents()).toEqual(await rendered.locator('.product-card-title').allTextContents());
    expect(await badges.allTextContents()).toEqual(await rendered.locator('[data-stock]').allTextContents());
    await other.close();
  });
  await withStock('ember-candle', 0, async () => {
    await page.reload();
    const candle = catalogue.products.filter({ hasText: 'Ember Candle' });
    await expect(candle.locator('[data-stock]')).toHaveText('Sold out');
    expect(await candle.locator('img').evaluate((img) => Number(getComputedStyle(img).opacity))).toBeLessThan(1);
  });

  // The header says where you are, and a product link navigates without a full load.
  await expect(new ShopHeader(page).nav.getByRole('link', { name: 'Shop' })).toHaveAttribute('aria-current', 'page');
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await catalogue.products.filter({ hasText: 'Aurora Mug' }).getByRole('link').click();
  await expect(page).toHaveURL(/\/products\/aurora-mug$/);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(badges).toHaveCount(12);
  expect(problems.problems).toEqual([]);
});

test('a browser with a cart or a session gets / rendered per request, with its own header; their writes leave the prerendered page as built', async ({ page, request, uniqueUser, signUpViaApi }) => {
  const header = new ShopHeader(page);
  await page.goto('/products/harbor-tote');
  await new ProductPage(page).add(1);
  await expect(header.cartLink(1)).toBeVisible();
  const withCart = await page.goto('/');
  expect(scriptSrc(await withCart!.headerValue('content-security-policy') ?? '')).toMatch(/'strict-dynamic'$/);
  await expect(header.cartLink(1)).toBeVisible();

  // A cart write refreshes the writer's pages, and must not make Next render the prerendered page
  // anew (its policy names the scripts of the bytes built): a first visit still gets those.
  for (let i = 0; i < 2; i++) {
    const first = await request.get('/');
    expect(scriptSrc(first.headers()['content-security-policy'])).toBe(hashScriptSrc(await first.text()));
  }

  await page.context().clearCookies();
  await signUpViaApi(page.request, uniqueUser);
  const signedIn = await page.goto('/');
  expect(scriptSrc(await signedIn!.headerValue('content-security-policy') ?? '')).toMatch(/'strict-dynamic'$/);
  await expect(header.nav.getByRole('link', { name: /Account/ })).toBeVisible();
});
