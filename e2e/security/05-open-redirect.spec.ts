// 5. Open redirects (OWASP Unvalidated Redirects cheat sheet, ASVS 5 V3.7): every trick on
// `?next=` ends on a same-origin path, through the real sign-in form, the refresh hop and sign-up.
import { expect, test, type Page } from '@playwright/test';
import { MAIN, MAIN_ORIGIN, createVictim, type Victim } from './support.ts';

test.describe.configure({ mode: 'parallel' });

const TRICKS = [
  '//evil.example',
  '//evil.example/%2F..',
  '/\\evil.example',
  '/\\/evil.example',
  '%2F%2Fevil.example',
  '/%2F/evil.example',
  '%5Cevil.example',
  '/%5Cevil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  'https:evil.example',
  'https://evil.example',
  'http:/\\evil.example',
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '/%09/evil.example',
  '///evil.example',
  '\\\\evil.example',
  ' //evil.example',
  '@evil.example',
  '.evil.example',
];

function expectSameOrigin(page: Page, trick: string): void {
  const url = new URL(page.url());
  expect(url.origin, `next=${JSON.stringify(trick)} → ${page.url()}`).toBe(MAIN_ORIGIN);
}

let victim: Victim;
test.beforeAll(async () => {
  victim = await createVictim(MAIN);
});
test.afterAll(async () => victim.api.dispose());

test('5 open redirect · the sign-in form: after a real sign-in, the tricks land on a same-origin path', async ({ browser }) => {
  test.setTimeout(180_000);
  // A real browser sign-in per trick is slow; the form and the page share safeNextPath, and the
  // request-level test below covers every trick on /login.
  for (const trick of TRICKS.slice(0, 10)) {
    const context = await browser.newContext({ baseURL: MAIN });
    const page = await context.newPage();
    await page.goto(`/login?next=${encodeURIComponent(trick)}`);
    await page.getByLabel('Email', { exact: true }).fill(victim.email);
    await page.getByLabel('Password', { exact: true }).fill(victim.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    expectSameOrigin(page, trick);
    await context.close();
  }
});

test('5 open redirect · /login visited while signed in redirects only to a same-origin path', async ({ request }) => {
  for (const trick of TRICKS) {
    const response = await request.get(`${MAIN}/login?next=${encodeURIComponent(trick)}`, { headers: { Cookie: `access=${victim.access}` }, maxRedirects: 0 });
    expect([303, 307, 308], trick).toContain(response.status());
    expect(new URL(response.headers().location!, MAIN).origin, trick).toBe(MAIN_ORIGIN);
  }
});

test('5 open redirect · the GET refresh hop: with and without a good refresh cookie', async ({ request }) => {
  for (const trick of TRICKS) {
    for (const withCookie of [false, true]) {
      const fresh = withCookie ? await createVictim(MAIN) : undefined;
      const response = await request.get(`${MAIN}/api/auth/refresh?next=${encodeURIComponent(trick)}`, {
        headers: fresh ? { Cookie: `refresh=${fresh.refresh}` } : {},
        maxRedirects: 0,
      });
      expect(response.status(), trick).toBe(303);
      const location = new URL(response.headers().location!, MAIN);
      expect(location.origin, `${trick} → ${location.href}`).toBe(MAIN_ORIGIN);
      // The raw header must not start with // or /\ either (a browser would read another host).
      expect(response.headers().location!, trick).not.toMatch(/^(\/\/|\/\\|[a-z]+:(?!\/\/127\.0\.0\.1))/i);
      await fresh?.api.dispose();
    }
  }
});

test('5 open redirect · the sign-up form lands on a same-origin path', async ({ browser }) => {
  test.setTimeout(180_000);
  for (const trick of TRICKS.slice(0, 8)) {
    const context = await browser.newContext({ baseURL: MAIN });
    const page = await context.newPage();
    await page.goto(`/signup?next=${encodeURIComponent(trick)}`);
    await page.getByLabel('Name').fill('Redirect Tester');
    await page.getByLabel('Email').fill(`redirect-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`);
    await page.getByLabel('Password').fill('Redirect-pw-123');
    await page.getByRole('button', { name: /create account|sign up/i }).click();
    await page.waitForURL((url) => url.pathname !== '/signup');
    expectSameOrigin(page, trick);
    await context.close();
  }
});
