// The guest cart and the catalogue, as a visitor uses them: a cart filled signed out survives
// sign-up; no URL, followed from another site, ever changes a cart; search, filter, sort, pages
// and Back; the same without JavaScript; stock states that look different.
import { expect, test } from './fixtures';
import { SignupPage } from './pages/signup-page';
import { CartPage, CataloguePage, ProductPage, ShopHeader } from './pages/shop-pages';

type CartJson = { items: { slug: string; quantity: number }[] };

test('signed out: add, then sign up from the cart, and the cart is kept', async ({ page, uniqueUser }) => {
  const header = new ShopHeader(page);
  await page.goto('/products/harbor-tote');
  await new ProductPage(page).add(2);
  await expect(header.cartLink(2)).toBeVisible();
  const guestCookie = (await page.context().cookies()).find((c) => c.name === 'cart');
  expect(guestCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  expect(guestCookie!.value).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(guestCookie!.expires * 1000 - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);

  await page.goto('/cart');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveURL(/\/signup\?next=%2Fcheckout$/);
  const signup = new SignupPage(page);
  await signup.fill(uniqueUser);
  await signup.submit.click();
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole('rowheader', { name: 'Harbor Tote Bag' })).toBeVisible();
  await expect(header.nav.getByRole('link', { name: /Account/ })).toBeVisible();
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain('cart');
  const cart = (await (await page.request.get('/api/cart')).json()) as CartJson;
  expect(cart.items).toEqual([expect.objectContaining({ slug: 'harbor-tote', quantity: 2 })]);
});

test('a link from another site to any product URL never changes the cart, signed in or not', async ({ page, baseURL, uniqueUser, signUpViaApi }) => {
  test.slow();
  // An attacker's page on another origin, linking to our product pages with every query the old
  // auto-add flow understood.
  const targets = ['/products/aurora-mug?add=1&quantity=99', '/products/aurora-mug?add=1', '/products/compass-keyring?add=1&quantity=2&productId=x'];
  const links = targets.map((path, i) => `<a id="l${i}" href="${new URL(path, baseURL).href}">go</a>`).join('');
  await page.route('http://attacker.example/**', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>hi</title>${links}` }));
  const followAll = async () => {
    for (let i = 0; i < targets.length; i++) {
      await page.goto('http://attacker.example/');
      await page.click(`#l${i}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('load');
    }
  };

  // A guest: no cart is started at all.
  await followAll();
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain('cart');
  expect(((await (await page.request.get('/api/cart')).json()) as CartJson).items).toEqual([]);

  // Signed in with something in the cart: it stays exactly as it was.
  await signUpViaApi(page.request, uniqueUser);
  await page.goto('/products/meadow-bandana');
  await new ProductPage(page).add(1);
  await expect(new ShopHeader(page).cartLink(1)).toBeVisible();
  await followAll();
  const cart = (await (await page.request.get('/api/cart')).json()) as CartJson;
  expect(cart.items).toEqual([expect.objectContaining({ slug: 'meadow-bandana', quantity: 1 })]);
});

test('search, filter, sort and pages live in the URL, and Back walks through them', async ({ page }) => {
  const catalogue = new CataloguePage(page);
  await catalogue.goto();
  await expect(catalogue.summary).toHaveText(/^Showing 1–12 of \d+ products\.$/);
  expect(await catalogue.products.count()).toBe(12);

  // Page 2.
  await catalogue.pages.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\/\?page=2$/);
  await expect(catalogue.summary).toHaveText(/^Showing 13–/);

  // A search (case and accents do not matter).
  // (A plain GET form: every field is in the URL.)
  await catalogue.search('CAFÉ');
  await expect(page).toHaveURL(/\/\?q=CAF%C3%89&category=&sort=name$/);
  await expect.poll(() => catalogue.names()).toEqual(['Café Crème Cups']);

  // A category, sorted by price, high to low.
  await catalogue.searchBox.fill('');
  await catalogue.category.selectOption('outdoors');
  await catalogue.sort.selectOption('price_desc');
  await catalogue.searchButton.click();
  await expect(page).toHaveURL(/\/\?q=&category=outdoors&sort=price_desc$/);
  const names = await catalogue.names();
  expect(names[0]).toBe('Lakeside Picnic Blanket');
  expect(names).toHaveLength(6);
  // Sold out: said so, dimmed, and not addable.
  const lantern = catalogue.products.filter({ hasText: 'Starlight Lantern' });
  await expect(lantern).toHaveAttribute('data-sold-out', 'true');
  await expect(lantern.getByText('Sold out')).toBeVisible();

  // Nothing found: said clearly, with a way back.
  await catalogue.search('zebra unicorn');
  await expect(catalogue.summary).toContainText('No products found');
  await expect(page.getByText('Nothing matches your search')).toBeVisible();

  // Back, step by step, restores each result and the form.
  await page.goBack();
  await expect(page).toHaveURL(/\/\?q=&category=outdoors&sort=price_desc$/);
  await expect(catalogue.category).toHaveValue('outdoors');
  await expect.poll(() => catalogue.names()).toHaveLength(6);
  await page.goBack();
  await expect(page).toHaveURL(/\/\?q=CAF%C3%89&category=&sort=name$/);
  await expect(catalogue.searchBox).toHaveValue('CAFÉ');
  await page.goBack();
  await expect(page).toHaveURL(/\/\?page=2$/);
  await expect(catalogue.summary).toHaveText(/^Showing 13–/);

  // A shared link opens the same result, and the way back from nothing found is one click.
  await catalogue.goto('/?q=zebra');
  await page.getByRole('link', { name: 'Show all products' }).click();
  await expect(catalogue.summary).toHaveText(/^Showing 1–12 of/);
});

test('stock states look different; a sold-out product page offers no add', async ({ page }) => {
  await page.goto('/?category=outdoors&sort=price_asc');
  const badge = (name: string) => new CataloguePage(page).products.filter({ hasText: name }).locator('[data-stock]');
  const colours = async (name: string) => badge(name).evaluate((el) => getComputedStyle(el).backgroundColor + '|' + getComputedStyle(el).color);
  await expect(badge('Compass Keyring')).toHaveText(/^Only \d left$/);
  await expect(badge('Starlight Lantern')).toHaveText('Sold out');
  await expect(badge('Trail Headlamp')).toHaveText('In stock');
  const [low, out, inStock] = await Promise.all([colours('Compass Keyring'), colours('Starlight Lantern'), colours('Trail Headlamp')]);
  expect(new Set([low, out, inStock]).size).toBe(3);
  const opacity = await new CataloguePage(page).products.filter({ hasText: 'Starlight Lantern' }).locator('img').evaluate((el) => Number(getComputedStyle(el).opacity));
  expect(opacity).toBeLessThan(1);

  await page.goto('/products/starlight-lantern');
  await expect(page.getByRole('button', { name: 'Add to cart' })).toHaveCount(0);
  await expect(page.getByText('This product is sold out')).toBeVisible();
  // The product page: its category, and related products from it.
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Outdoors' })).toHaveAttribute('href', '/?category=outdoors');
  await expect(page.getByRole('heading', { name: 'More from Outdoors' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Compass Keyring' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('search works, and a guest fills, changes and empties a cart', async ({ page }) => {
    const catalogue = new CataloguePage(page);
    await catalogue.goto();
    await catalogue.search('wool');
    await expect(page).toHaveURL(/\/\?q=wool/);
    const names = await catalogue.names();
    expect(names).toEqual(expect.arrayContaining(['Drift Wool Socks', 'Lakeside Picnic Blanket']));
    await catalogue.category.selectOption('wear');
    await catalogue.searchButton.click();
    await expect(page).toHaveURL(/category=wear/);
    await expect.poll(() => catalogue.names()).toEqual(['Drift Wool Socks', 'Søndag Knit Beanie']);

    await page.goto('/products/olive-wood-spoon');
    await new ProductPage(page).add(3);
    await expect(page.getByText('Added 3 × Olive Wood Spoon to your cart')).toBeVisible();
    const cart = new CartPage(page);
    await cart.goto();
    await expect(cart.quantityOf('Olive Wood Spoon')).toHaveValue('3');
    await cart.setQuantity('Olive Wood Spoon', 5);
    await cart.goto();
    await expect(cart.quantityOf('Olive Wood Spoon')).toHaveValue('5');
    await expect(cart.total).toHaveText('$55.00');
    await page.getByRole('button', { name: 'Remove Olive Wood Spoon' }).click();
    await cart.goto();
    await expect(page.getByText('Your cart is empty.')).toBeVisible();
  });
});
