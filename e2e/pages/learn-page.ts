import { expect, type Locator, type Page } from '@playwright/test';

/** /learn: the explainer, and (signed in) the visitor's own token. */
export class LearnPage {
  readonly heading: Locator;
  readonly diagrams: Locator;
  readonly yourToken: Locator;
  readonly rawToken: Locator;
  readonly claims: Locator;
  readonly countdown: Locator;
  readonly cookieAttributes: Locator;
  readonly payloadEditor: Locator;
  readonly verify: Locator;
  readonly tamperResult: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Cookie, session, token, JWT' });
    this.diagrams = page.getByRole('main').getByRole('img');
    this.yourToken = page.getByRole('region', { name: 'Your token, right now' });
    this.rawToken = page.getByTestId('raw-token');
    this.claims = page.getByRole('table', { name: 'Claims of your access token' });
    this.countdown = page.getByTestId('learn-countdown');
    this.cookieAttributes = page.getByTestId('cookie-attributes');
    this.payloadEditor = page.getByLabel('Payload to send (edit any claim)');
    this.verify = page.getByRole('button', { name: 'Verify with the server' });
    this.tamperResult = page.getByTestId('tamper-result');
  }

  async goto(): Promise<void> {
    await this.page.goto('/learn');
    await expect(this.heading).toBeVisible();
  }

  /** The value cell of one claim row (header or payload). */
  claimValue(name: string): Locator {
    return this.claims.locator(`tr[data-claim="${name}"] td`).first();
  }

  tokenPart(part: 'header' | 'payload' | 'signature'): Locator {
    return this.rawToken.locator(`[data-part="${part}"]`);
  }

  /** Edits the payload JSON in the tamper form and submits it. */
  async tamper(edit: (payload: Record<string, unknown>) => void): Promise<void> {
    const payload = JSON.parse(await this.payloadEditor.inputValue()) as Record<string, unknown>;
    edit(payload);
    await this.payloadEditor.fill(JSON.stringify(payload, null, 2));
    await this.verify.click();
  }
}
