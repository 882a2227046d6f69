// The identity providers' own pages, as a person sees them in the social sign-in specs: the
// OpenID provider's development login page (any user name; see e2e/support/oidc-provider.ts) and
// the GitHub stand-in's authorize page.
import { expect, type Page } from '@playwright/test';
import { IDENTITY_PROVIDERS } from '../support/servers';

export class OidcLoginPage {
  constructor(readonly page: Page) {}

  /** The provider's page is up (its CSS @imports web fonts that cannot load here: no `load` wait). */
  async expectShown(): Promise<void> {
    await this.page.waitForURL((url) => url.origin === IDENTITY_PROVIDERS.oidc.issuer, { waitUntil: 'domcontentloaded' });
    await expect(this.page.getByPlaceholder('Enter any login')).toBeVisible();
  }

  async signIn(login: string): Promise<void> {
    await this.expectShown();
    await this.page.getByPlaceholder('Enter any login').fill(login);
    await this.page.getByPlaceholder('and password').fill('any password');
    await this.page.getByRole('button', { name: 'Sign-in' }).click();
  }

  async cancel(): Promise<void> {
    await this.expectShown();
    await this.page.getByRole('link', { name: '[ Cancel ]' }).click();
  }
}

export class GithubAuthorizePage {
  constructor(readonly page: Page) {}

  async authorize(person: { login: string; email: string; verified?: boolean }): Promise<void> {
    await this.page.waitForURL((url) => url.origin === IDENTITY_PROVIDERS.github.url, { waitUntil: 'domcontentloaded' });
    await this.page.getByLabel('Username').fill(person.login);
    await this.page.getByLabel('Email', { exact: true }).fill(person.email);
    await this.page.getByLabel('Email verified').setChecked(person.verified ?? true);
    await this.page.getByRole('button', { name: 'Authorize' }).click();
  }
}
