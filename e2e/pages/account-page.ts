import { expect, type Locator, type Page } from '@playwright/test';

export class AccountPage {
  readonly heading: Locator;
  readonly signOut: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Your account' });
    // The header's button, not "Sign out everywhere".
    this.signOut = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/account');
  }

  /** The account page, showing this user. */
  async expectSignedInAs(user: { name: string; email: string }): Promise<void> {
    await expect(this.page).toHaveURL(/\/account$/);
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByRole('main').getByText(user.email, { exact: true })).toBeVisible();
    await expect(this.page.getByRole('main').getByText(user.name, { exact: true })).toBeVisible();
  }
}
