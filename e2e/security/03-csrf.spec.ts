// 3. CSRF (OWASP CSRF cheat sheet, ASVS 5 V3.5): every cookie-authenticated state-changing route
// and server action refuses a foreign, `null` or missing Origin and a cross-site / same-site
// Sec-Fetch-Site, and changes nothing: the victim's own session afterwards still sees the same
// cart, the same orders, no new API token, the same password, and is still signed in.
//
// The attacker's page is served by node:http on another port of 127.0.0.1: the same *site* as the
// app (ports do not count), so SameSite=Lax does NOT keep the cookies off its requests. Only the
// Origin check stands between it and the victim's account, which is what these tests prove.
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { MAIN, MAIN_ORIGIN, attackerSite, createVictim, escapeHtml, productIds, type Victim } from './support.ts';

test.describe.configure({ mode: 'serial' });

interface State {
  signedIn: boolean;
  cart: string;
  orders: number;
  tokens: number;
}

/** What the victim's own, same-origin session sees. */
async function stateOf(api: APIRequestContext): Promise<State> {
  const me = await api.get(`${MAIN}/api/me`);
  const cart = await api.get(`${MAIN}/api/cart`);
  const orders = await api.get(`${MAIN}/api/orders`);
  const account = await api.get(`${MAIN}/account`);
  const html = await account.text();
  return {
    signedIn: me.status() === 200,
    cart: me.status() === 200 ? JSON.stringify(((await cart.json()) as { items: unknown[] }).items) : '',
    orders: me.status() === 200 ? ((await orders.json()) as { orders: unknown[] }).orders.length : -1,
    tokens: (html.match(/attacker-token/g) ?? []).length,
  };
}

const ORIGINS: Record<string, Record<string, string>> = {
  'foreign Origin': { Origin: 'https://evil.example' },
  'Origin: null': { Origin: 'null' },
  'no Origin': {},
  'our Origin but Sec-Fetch-Site: cross-site': { Origin: MAIN_ORIGIN, 'Sec-Fetch-Site': 'cross-site' },
  'sibling port Origin, Sec-Fetch-Site: same-site': { Origin: 'http://127.0.0.1:1', 'Sec-Fetch-Site': 'same-site' },
};

let victim: Victim;
let products: string[];

test.beforeAll(async () => {
  victim = await createVictim(MAIN, { order: true, cart: true });
  products = await productIds(victim.api);
});

test.afterAll(async () => {
  await victim.api.dispose();
});

test.describe('3 CSRF · JSON routes with the victim cookies', () => {
  const routes = () => [
    { name: 'POST /api/auth/logout', method: 'post', url: '/api/auth/logout' },
    { name: 'POST /api/auth/logout-all', method: 'post', url: '/api/auth/logout-all' },
    { name: 'POST /api/auth/refresh', method: 'post', url: '/api/auth/refresh' },
    { name: 'POST /api/cart/items', method: 'post', url: '/api/cart/items', data: { productId: products[0], quantity: 3 } },
    { name: 'PATCH /api/cart/items/:id', method: 'patch', url: `/api/cart/items/${products[1]}`, data: { quantity: 7 } },
    { name: 'DELETE /api/cart/items/:id', method: 'delete', url: `/api/cart/items/${products[1]}` },
    { name: 'POST /api/checkout', method: 'post', url: '/api/checkout' },
  ] as const;

  for (const [originName, originHeaders] of Object.entries(ORIGINS)) {
    test(`${originName}: every write route refused with 403, nothing changed`, async () => {
      const before = await stateOf(victim.api);
      expect(before.signedIn).toBe(true);
      for (const route of routes()) {
        const response = await victim.api.fetch(`${MAIN}${route.url}`, {
          method: route.method.toUpperCase(),
          headers: { ...originHeaders },
          ...('data' in route ? { data: route.data } : {}),
          maxRedirects: 0,
        });
        expect(response.status(), `${route.name} ${originName}`).toBe(403);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden_origin');
        expect(response.headers()['set-cookie'] ?? '', `${route.name} cleared or set cookies`).toBe('');
      }
      expect(await stateOf(victim.api)).toEqual(before);
    });
  }

  for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    test(`simple-request body (${contentType.split(';')[0]}) with a foreign Origin: refused, nothing changed`, async () => {
      const before = await stateOf(victim.api);
      for (const url of ['/api/cart/items', '/api/checkout', '/api/auth/logout', '/api/auth/logout-all']) {
        const response = await victim.api.post(`${MAIN}${url}`, {
          headers: { Origin: 'https://evil.example', 'Content-Type': contentType },
          data: JSON.stringify({ productId: products[0], quantity: 5 }),
        });
        expect(response.status(), url).toBe(403);
      }
      expect(await stateOf(victim.api)).toEqual(before);
    });
  }

  test('a same-origin JSON route still refuses a form body (415), so a same-site form cannot reach it either', async () => {
    const before = await stateOf(victim.api);
    const response = await victim.api.post(`${MAIN}/api/cart/items`, {
      headers: { Origin: MAIN_ORIGIN, 'Content-Type': 'text/plain' },
      data: JSON.stringify({ productId: products[0], quantity: 5 }),
    });
    expect(response.status()).toBe(415);
    expect(await stateOf(victim.api)).toEqual(before);
  });

  test('no state change on GET: every write route answers 405 (refresh GET only renews the caller’s own cookies)', async () => {
    const before = await stateOf(victim.api);
    for (const url of ['/api/auth/logout', '/api/auth/logout-all', '/api/cart/items', `/api/cart/items/${products[1]}`, '/api/checkout', '/api/auth/signup', '/api/auth/login', '/api/auth/token']) {
      const response = await victim.api.get(`${MAIN}${url}`, { headers: { Origin: 'https://evil.example' }, maxRedirects: 0 });
      expect(response.status(), url).toBe(405);
    }
    expect(await stateOf(victim.api)).toEqual(before);
  });

  test('login CSRF: sign-in and sign-up refuse a foreign or null Origin and Sec-Fetch-Site: cross-site', async ({ request }) => {
    const attacker = { email: `login-csrf-${Date.now()}@example.test`, password: 'Attacker-pw-123', name: 'Attacker' };
    for (const headers of [{ Origin: 'https://evil.example' }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }] as Record<string, string>[]) {
      const signup = await request.post(`${MAIN}/api/auth/signup`, { headers, data: attacker });
      expect(signup.status()).toBe(403);
      expect(signup.headers()['set-cookie'] ?? '').toBe('');
      const login = await request.post(`${MAIN}/api/auth/login`, { headers, data: { email: victim.email, password: victim.password } });
      expect(login.status()).toBe(403);
      expect(login.headers()['set-cookie'] ?? '').toBe('');
    }
  });
});

// ── In the browser: an attacker page on another port, and the server actions ─────────────────

interface Captured {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

async function signInBrowser(context: BrowserContext, user: Victim): Promise<void> {
  const response = await context.request.post(`${MAIN}/api/auth/login`, {
    headers: { Origin: MAIN_ORIGIN },
    data: { email: user.email, password: user.password },
  });
  expect(response.status()).toBe(200);
}

function captureActions(page: Page, into: Captured[]): void {
  page.on('request', (req) => {
    const headers = req.headers();
    if (req.method() === 'POST' && headers['next-action']) {
      into.push({ url: req.url(), headers, body: req.postDataBuffer() ?? Buffer.alloc(0) });
    }
  });
}

/** Replays a captured server-action POST with the victim's cookies and the given origin headers. */
async function replay(api: APIRequestContext, captured: Captured, originHeaders: Record<string, string>, edit?: (body: string) => string) {
  const keep = ['next-action', 'content-type', 'accept', 'next-router-state-tree'];
  const headers: Record<string, string> = {};
  for (const name of keep) if (captured.headers[name]) headers[name] = captured.headers[name]!;
  const body = edit ? Buffer.from(edit(captured.body.toString('latin1')), 'latin1') : captured.body;
  return api.post(captured.url, { headers: { ...headers, ...originHeaders }, data: body, maxRedirects: 0 });
}

/** The hidden `$ACTION_*` inputs and fields of the form on `html` that contains `marker`. */
function formFields(html: string, marker: string): [string, string][] {
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(marker));
  if (!form) throw new Error(`no form with ${marker}`);
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  return [...form.matchAll(/<input[^>]*?name="([^"]+)"(?:[^>]*?value="([^"]*)")?[^>]*>/g)].map((m) => [decode(m[1]!), decode(m[2] ?? '')]);
}

test.describe('3 CSRF · server actions and attacker pages in the browser', () => {
  const captured: Record<string, Captured> = {};
  let capturer: Victim;
  let browserVictim: Victim;
  let attacker: Awaited<ReturnType<typeof attackerSite>>;
  let slug: string;

  test.beforeAll(async ({ browser }) => {
    attacker = await attackerSite();
    capturer = await createVictim(MAIN);
    browserVictim = await createVictim(MAIN, { order: true, cart: true });
    slug = ((await (await capturer.api.get('/api/products')).json()) as { products: { slug: string; stock: number }[] }).products.find((p) => p.stock > 5)!.slug;

    // The capturer uses each form for real, same-origin; we keep each server action's request.
    const context = await browser.newContext({ baseURL: MAIN });
    await signInBrowser(context, capturer);
    const page = await context.newPage();
    const requests: Captured[] = [];
    captureActions(page, requests);
    const take = async (name: string) => {
      await expect.poll(() => requests.length).toBeGreaterThan(0);
      captured[name] = requests.shift()!;
      await page.waitForLoadState('networkidle').catch(() => {});
    };

    await page.goto(`/products/${slug}`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added' })).toBeVisible();
    await take('add to cart');

    await page.goto('/account');
    const tokens = page.getByRole('region', { name: 'API tokens' });
    await tokens.getByLabel('Token name').fill('capturer-token');
    await tokens.getByRole('checkbox', { name: /cart:write/ }).check();
    await tokens.getByRole('button', { name: 'Create token' }).click();
    await expect(tokens.getByLabel('New API token')).toBeVisible();
    await take('create API token');

    const password = page.getByRole('region', { name: 'Change password' });
    await password.getByLabel('Current password').fill(capturer.password);
    await password.getByLabel('New password').fill('Capturer-new-pw-123');
    await password.getByLabel('Sign out my other devices').uncheck();
    await password.getByRole('button', { name: 'Change password' }).click();
    await expect(password.getByRole('status')).toContainText('Password changed');
    await take('change password');
    capturer.password = 'Capturer-new-pw-123';

    await page.goto('/checkout');
    await page.getByRole('button', { name: /place order/i }).click();
    await page.waitForURL(/\/orders\//);
    await take('checkout');

    // Sign-out is no server action: a plain form POST to /api/auth/logout (a full page load),
    // refused cross-origin by the route's own check (the form and fetch cases below).
    await context.close();
  });

  test.afterAll(async () => {
    await attacker.close();
    await capturer.api.dispose();
    await browserVictim.api.dispose();
  });

  test('control: a same-origin replay of the add-to-cart action works (so the refusals below are the Origin check)', async () => {
    const before = await stateOf(browserVictim.api);
    const response = await replay(browserVictim.api, captured['add to cart']!, { Origin: MAIN_ORIGIN });
    expect(response.status()).toBe(200);
    const after = await stateOf(browserVictim.api);
    expect(after.cart).not.toEqual(before.cart);
  });

  for (const action of ['add to cart', 'create API token', 'change password', 'checkout']) {
    test(`server action "${action}" replayed with a foreign, null or missing Origin: refused, nothing changed`, async () => {
      const before = await stateOf(browserVictim.api);
      expect(before.signedIn).toBe(true);
      for (const [originName, originHeaders] of Object.entries(ORIGINS)) {
        const response = await replay(browserVictim.api, captured[action]!, originHeaders, (body) =>
          body
            .replaceAll(capturer.password, browserVictim.password)
            .replaceAll('Capturer-new-pw-123', 'Attacker-chosen-pw-1')
            .replaceAll('capturer-token', 'attacker-token'),
        );
        // 403 from the middleware's origin check (a refused action, not Next's 500).
        expect(response.status(), `${action} ${originName}`).toBe(403);
        expect(response.headers()['set-cookie'] ?? '', `${action} ${originName} set cookies`).not.toMatch(/access=/);
        expect(await response.text(), `${action} ${originName} made a token`).not.toMatch(/eyJ[\w-]+\.eyJ/);
      }
      expect(await stateOf(browserVictim.api)).toEqual(before);
      // The password did not change: the old one still signs in, the attacker's does not.
      const login = await browserVictim.api.post(`${MAIN}/api/auth/login`, {
        headers: { Origin: MAIN_ORIGIN },
        data: { email: browserVictim.email, password: browserVictim.password },
      });
      expect(login.status()).toBe(200);
    });
  }

  test('attacker page auto-submits forms (text/plain, urlencoded, multipart) and no-cors fetches at every write route: nothing changed', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: MAIN });
    await signInBrowser(context, browserVictim);
    const before = await stateOf(context.request);
    expect(before.signedIn).toBe(true);
    const page = await context.newPage();
    const product = products[0]!;
    const json = JSON.stringify({ productId: product, quantity: 9, pad: '=' });
    const forms = [
      { enctype: 'text/plain', action: '/api/cart/items', fields: [[json.slice(0, -2) + '"', '"}']] },
      { enctype: 'application/x-www-form-urlencoded', action: '/api/cart/items', fields: [['productId', product], ['quantity', '9']] },
      { enctype: 'multipart/form-data', action: '/api/checkout', fields: [['x', '1']] },
      { enctype: 'text/plain', action: '/api/auth/logout-all', fields: [['x', '1']] },
      { enctype: 'application/x-www-form-urlencoded', action: '/api/auth/logout', fields: [['x', '1']] },
      { enctype: 'multipart/form-data', action: '/api/auth/refresh', fields: [['x', '1']] },
    ];
    for (const form of forms) {
      const inputs = form.fields.map(([n, v]) => `<input type="hidden" name="${escapeHtml(n!)}" value="${escapeHtml(v!)}">`).join('');
      const url = attacker.serve(
        `<!doctype html><form id=f method=POST enctype="${form.enctype}" action="${MAIN}${form.action}">${inputs}</form><script>document.getElementById('f').submit()</script>`,
      );
      const landed = page.waitForResponse((r) => r.url().startsWith(`${MAIN}${form.action}`));
      await page.goto(url);
      const response = await landed;
      expect(response.status(), `${form.enctype} → ${form.action}`).toBe(403);
    }
    // fetch() from the attacker page: simple requests with credentials, and a JSON one (preflighted).
    const fetches = attacker.serve(`<!doctype html><script>
      window.results = Promise.all([
        ['/api/cart/items', 'text/plain', ${JSON.stringify(json)}],
        ['/api/checkout', 'text/plain', ''],
        ['/api/auth/logout-all', 'text/plain', ''],
        ['/api/auth/logout', 'text/plain', ''],
        ['/api/cart/items/${products[1]}', 'application/json', '{"quantity":0}', 'DELETE'],
        ['/api/cart/items', 'application/json', ${JSON.stringify(json)}],
      ].map(([path, type, body, method]) => fetch('${MAIN}' + path, { method: method || 'POST', credentials: 'include', mode: method || type === 'application/json' ? 'cors' : 'no-cors', headers: { 'Content-Type': type }, body })
        .then((r) => r.type + ':' + r.status, (e) => 'blocked')));
    </script>`);
    await page.goto(fetches);
    const results = await page.evaluate(() => (window as unknown as { results: Promise<string[]> }).results);
    // Opaque (no-cors, the server said 403 unseen) or blocked by CORS: never a readable 2xx.
    for (const result of results) expect(result).toMatch(/^(opaque:0|blocked)$/);

    // Server-action forms copied from the real pages (their $ACTION_* fields are public HTML).
    const productHtml = await (await context.request.get(`${MAIN}/products/${slug}`)).text();
    const accountHtml = await (await context.request.get(`${MAIN}/account`)).text();
    const actionForms = [
      { path: `/products/${slug}`, fields: formFields(productHtml, 'name="productId"') },
      { path: '/account', fields: formFields(accountHtml, 'name="currentPassword"').map(([n, v]) => [n, n === 'currentPassword' ? browserVictim.password : n === 'newPassword' ? 'Attacker-chosen-pw-1' : v] as [string, string]) },
      { path: '/account', fields: formFields(accountHtml, 'name="ttlDays"').map(([n, v]) => [n, n === 'name' ? 'attacker-token' : v] as [string, string]).concat([['scopes', 'cart:write']]) },
      // (The header's sign-out is a plain form POST to /api/auth/logout, auto-submitted above.)
    ];
    for (const form of actionForms) {
      const inputs = form.fields.map(([n, v]) => `<input type="hidden" name="${escapeHtml(n)}" value="${escapeHtml(v)}">`).join('');
      const url = attacker.serve(
        `<!doctype html><form id=f method=POST enctype="multipart/form-data" action="${MAIN}${form.path}">${inputs}</form><script>document.getElementById('f').submit()</script>`,
      );
      const landed = page.waitForResponse((r) => r.url().startsWith(`${MAIN}${form.path}`) && r.request().method() === 'POST');
      await page.goto(url);
      const response = await landed;
      expect(response.status(), `action form → ${form.path}`).toBe(403);
      expect(response.headers()['set-cookie'] ?? '').not.toMatch(/access=/);
    }

    expect(await stateOf(context.request)).toEqual(before);
    await context.close();
  });
});
