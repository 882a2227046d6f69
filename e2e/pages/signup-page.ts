import { expect, type Locator, type Page } from '@playwright/test';

export class SignupPage {
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel('Name', { exact: true });
    this.email = page.getByLabel('Email', { exact: true });
    this.password = page.getByLabel('Password', { exact: true });
    this.submit = page.getByRole('button', { name: 'Create account' });
    this.alert = page.getByRole('alert').filter({ hasText: /\S/ });
  }

  async goto(next?: string): Promise<void> {
    await this.page.goto(next ? `/signup?next=${encodeURIComponent(next)}` : '/signup');
    await expect(this.page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  }

  async fill(values: { name: string; email: string; password: string }): Promise<void> {
    await this.name.fill(values.name);
    await this.email.fill(values.email);
    await this.password.fill(values.password);
  }
}
