import { expect, type Locator, type Page } from '@playwright/test';

/** The site header's navigation, as a shopper sees it. */
export class ShopHeader {
  readonly nav: Locator;
  readonly signOut: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.signOut = this.nav.getByRole('button', { name: 'Sign out', exact: true });
  }

  /** The header's cart link; an empty cart shows no count. */
  cartLink(count: number): Locator {
    return this.nav.getByRole('link', { name: count === 0 ? 'Cart' : `Cart ${count} ${count === 1 ? 'item' : 'items'}`, exact: true });
  }
}

export class CataloguePage {
  readonly heading: Locator;
  readonly searchBox: Locator;
  readonly category: Locator;
  readonly sort: Locator;
  readonly searchButton: Locator;
  readonly summary: Locator;
  readonly pages: Locator;
  readonly products: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'The Tokenshop catalogue' });
    const form = page.getByRole('search', { name: 'Products' });
    this.searchBox = form.getByLabel('Search');
    this.category = form.getByLabel('Category');
    this.sort = form.getByLabel('Sort by');
    this.searchButton = form.getByRole('button', { name: 'Search' });
    this.summary = page.getByTestId('result-summary');
    this.pages = page.getByRole('navigation', { name: 'Pages' });
    this.products = page.locator('.product-grid > li');
  }

  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.heading).toBeVisible();
  }

  async search(words: string): Promise<void> {
    await this.searchBox.fill(words);
    await this.searchButton.click();
  }

  /** The product names shown, in order. */
  async names(): Promise<string[]> {
    return this.products.getByRole('heading').allTextContents();
  }

  async open(productName: string): Promise<void> {
    await this.page.getByRole('link', { name: productName, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: productName })).toBeVisible();
  }
}

export class ProductPage {
  readonly quantity: Locator;
  readonly addToCart: Locator;

  constructor(readonly page: Page) {
    this.quantity = page.getByLabel('Quantity', { exact: true });
    this.addToCart = page.getByRole('button', { name: 'Add to cart' });
  }

  async add(quantity: number): Promise<void> {
    await this.quantity.fill(String(quantity));
    await this.addToCart.click();
  }
}

export class CartPage {
  readonly heading: Locator;
  readonly total: Locator;
  readonly checkout: Locator;
  /** What a guest sees instead of "Proceed to checkout". */
  readonly signInToCheckout: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Your cart' });
    this.total = page.getByTestId('cart-total');
    this.checkout = page.getByRole('link', { name: 'Proceed to checkout' });
    this.signInToCheckout = page.getByRole('link', { name: 'Sign in to check out' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/cart');
    await expect(this.heading).toBeVisible();
  }

  line(productName: string): Locator {
    return this.page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem').filter({ hasText: productName });
  }

  quantityOf(productName: string): Locator {
    return this.page.getByLabel(`Quantity of ${productName}`);
  }

  async setQuantity(productName: string, quantity: number): Promise<void> {
    await this.quantityOf(productName).fill(String(quantity));
    await this.page.getByRole('button', { name: `Update quantity of ${productName}` }).click();
  }
}
