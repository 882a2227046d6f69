// 10. Response headers and cookie attributes (OWASP HTTP Headers / Session Management cheat
// sheets, ASVS 5 V3.2–V3.4): CSP with a per-response nonce (hashes on the prerendered front page) and no 'unsafe-inline' for scripts,
// proven in the browser; anti-framing; nosniff; Referrer-Policy; HSTS; and the real Set-Cookie
// attributes of a sign-in. (Secure and the __Host-/__Secure- names over HTTPS are unit-tested in
// lib/auth/http/cookies.test.ts: this server speaks plain HTTP.)
import { expect, test } from '@playwright/test';
import { hashScriptSrc, scriptSrc } from '../support/csp.ts';
import { MAIN, MAIN_ORIGIN, createVictim, setCookieHeaders } from './support.ts';

const PAGES = ['/', '/login', '/signup', '/learn', '/products/aurora-mug'];

test('10 headers · CSP on every page: a fresh nonce per response (or, on the prerendered front page, the hash of each of its inline scripts), no unsafe-inline or unsafe-eval for scripts, strict framing', async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of PAGES) {
    for (let i = 0; i < 2; i++) {
      const response = await request.get(`${MAIN}${path}`);
      expect(response.status(), path).toBe(200);
      const csp = response.headers()['content-security-policy'] ?? '';
      const scripts = scriptSrc(csp);
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(scripts).not.toMatch(/\*|https?:|data:/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toContain("form-action 'self'");
      const html = await response.text();
      if (path === '/') {
        // A first visit (no cookie) gets `/` prerendered at build time (docs/architecture.md):
        // the same bytes for everyone, so no nonce; each inline script is named by its hash.
        expect(scripts, path).toBe(hashScriptSrc(html));
        expect(html, path).not.toContain('nonce=');
        continue;
      }
      expect(scripts, path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
      const nonce = /'nonce-([^']+)'/.exec(scripts)![1]!;
      nonces.add(nonce);
      // Every inline script the page ships carries this response's nonce.
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
  }
  expect(nonces.size, 'nonces are reused').toBe((PAGES.length - 1) * 2);
});

test('10 headers · static security headers on pages and API responses', async ({ request }) => {
  for (const path of [...PAGES, '/api/products', '/api/me', '/api/health', '/.well-known/jwks.json']) {
    const h = (await request.get(`${MAIN}${path}`)).headers();
    expect(h['x-frame-options'], path).toBe('DENY');
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(h['strict-transport-security'], path).toMatch(/max-age=\d{8,}; includeSubDomains/);
    expect(h['permissions-policy'], path).toContain('camera=()');
    expect(h['x-powered-by'], path).toBeUndefined();
  }
  // Outside the middleware's pages (JSON, and the not-found page for an unknown API path): nothing may run.
  for (const path of ['/api/health', '/api/no-such-route', '/.well-known/jwks.json', '/.well-known/nothing-here']) {
    expect((await request.get(`${MAIN}${path}`)).headers()['content-security-policy'], path).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  }
});

test('10 headers · protected pages and token responses are not cached', async ({ request }) => {
  const victim = await createVictim(MAIN);
  for (const path of ['/account', '/cart', '/orders', '/checkout']) {
    const response = await request.get(`${MAIN}${path}`, { headers: { Cookie: `access=${victim.access}` } });
    expect(response.headers()['cache-control'], path).toMatch(/no-store/);
  }
  for (const path of ['/api/me', '/api/cart', '/api/orders']) {
    const response = await request.get(`${MAIN}${path}`, { headers: { Authorization: `Bearer ${victim.access}` } });
    expect(response.headers()['cache-control'], path).toMatch(/no-store/);
  }
  await victim.api.dispose();
});

test('10 headers · the browser refuses injected inline scripts and handlers (CSP violation observed)', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${MAIN}/login`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.evaluate(async () => {
    const w = window as unknown as { injected?: boolean; handler?: boolean; violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective}:${e.blockedURI}`));
    // Markup an attacker managed to inject: an inline handler, and a parser-inserted inline script
    // (in a srcdoc frame, which inherits this page's policy). Neither carries the nonce.
    // (A script element created by an already-running trusted script is allowed by design under
    // 'strict-dynamic': that needs code execution first, which is what CSP is stopping here.)
    const loaded = (frame: HTMLIFrameElement) => new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const div = document.createElement('div');
    div.innerHTML = '<img src="data:," onerror="window.handler = true">';
    document.body.appendChild(div);
    const frame = document.createElement('iframe');
    frame.srcdoc = '<script>parent.injected = true</' + 'script><img src="data:," onerror="parent.handler = true">';
    const iframe = document.createElement('iframe');
    iframe.src = 'javascript:parent.injected = true';
    const srcdocLoaded = loaded(frame);
    document.body.append(frame, iframe);
    // The srcdoc frame has loaded: its script and handler have run or been refused by now. (A
    // refused javascript: URL never fires load; its violation is what the poll below waits for.)
    await srcdocLoaded;
  });
  const read = () =>
    page.evaluate(() => {
      const w = window as unknown as { injected?: boolean; handler?: boolean; violations: string[] };
      return { injected: w.injected ?? false, handler: w.handler ?? false, violations: w.violations };
    });
  // The refusal is observed, not assumed: the browser reports a script-src violation.
  await expect.poll(async () => (await read()).violations.some((v) => v.startsWith('script-src'))).toBe(true);
  const outcome = await read();
  expect(outcome.injected).toBe(false);
  expect(outcome.handler).toBe(false);
  // The page's own (nonce'd) scripts run: the form is hydrated and works.
  expect(errors).toEqual([]);
});

test('10 headers · the app cannot be framed by another origin', async ({ page }) => {
  // The server did answer the framed request (so the frame is empty because the browser refused
  // to show it, not because nothing came back), and the browser put its error page in the frame.
  const served = page.waitForResponse((r) => r.url() === `${MAIN}/login` && r.status() === 200);
  await page.setContent(`<iframe id="f" src="${MAIN}/login"></iframe>`);
  const response = await served;
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expect.poll(() => page.frames().find((f) => f !== page.mainFrame())?.url()).toMatch(/^chrome-error:/);
  await expect(page.frameLocator('#f').getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
});

test('10 headers · Set-Cookie attributes of a sign-in, a refresh and a sign-out', async ({ request }) => {
  const victim = await createVictim(MAIN);
  const login = await request.post(`${MAIN}/api/auth/login`, { headers: { Origin: MAIN_ORIGIN }, data: { email: victim.email, password: victim.password } });
  expect(login.status()).toBe(200);
  const cookies = setCookieHeaders(login);
  const find = (name: string) => cookies.find((c) => c.startsWith(`${name}=`)) ?? '';
  const access = find('access');
  const refresh = find('refresh');
  const hint = find('signed-in');
  for (const cookie of [access, refresh, hint]) {
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Domain=/i);
  }
  expect(access).toMatch(/; Path=\/(;|$)/);
  expect(access).toMatch(/; Max-Age=900(;|$)/);
  expect(refresh).toMatch(/; Path=\/api\/auth(;|$)/);
  expect(refresh).toMatch(/; Max-Age=1209600(;|$)/);
  // No personal data in the token: the payload holds only identifiers, times and how the user
  // signed in (auth_time and amr, the sign-in facts step-up reads).
  const payload = JSON.parse(Buffer.from(access.split('=')[1]!.split(';')[0]!.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
  expect(Object.keys(payload).sort()).toEqual(['amr', 'aud', 'auth_time', 'exp', 'iat', 'iss', 'jti', 'sid', 'sub']);
  expect(payload.amr).toEqual(['pwd']);
  expect(JSON.stringify(payload)).not.toContain(victim.email);

  const logout = await request.post(`${MAIN}/api/auth/logout`, { headers: { Origin: MAIN_ORIGIN, Cookie: access.split(';')[0]! } });
  expect(logout.status()).toBe(204);
  const cleared = setCookieHeaders(logout);
  for (const [name, path] of [['access', '/'], ['refresh', '/api/auth'], ['signed-in', '/']]) {
    const cookie = cleared.find((c) => c.startsWith(`${name}=`)) ?? '';
    expect(cookie, name).toMatch(/Max-Age=0/);
    expect(cookie, name).toContain(`Path=${path}`);
  }
  await victim.api.dispose();
});
