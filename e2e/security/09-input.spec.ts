// 9. Hostile input (ASVS 5 V1/V2, OWASP Mass Assignment / Injection): Prisma-filter-shaped JSON,
// arrays, huge bodies, huge cookies, invalid JSON and wrong content types get 400/413/415 with the
// error shape; nothing is written; never 500; no stack trace or database text in any response.
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { MAIN, MAIN_ORIGIN, createVictim, expectNoInternals, productIds, type Victim } from './support.ts';

let victim: Victim;
let products: string[];

test.beforeAll(async () => {
  victim = await createVictim(MAIN, { cart: true });
  products = await productIds(victim.api);
});
test.afterAll(async () => victim.api.dispose());

async function cartOf(api: APIRequestContext): Promise<string> {
  return JSON.stringify(await (await api.get(`${MAIN}/api/cart`)).json());
}

function expectErrorShape(status: number, body: string, context: string, allowed = [400, 401, 404, 409, 413, 415]) {
  expect(allowed, `${context}: ${status} ${body.slice(0, 200)}`).toContain(status);
  expectNoInternals(body, context);
  if (status !== 401) {
    const parsed = JSON.parse(body) as { error: { code: string; message: string } | string };
    expect(parsed.error, context).toBeTruthy();
  }
}

const EMAIL_SHAPES: unknown[] = [
  { not: '' },
  { contains: '@' },
  { startsWith: 'victim' },
  { equals: 'x', mode: 'insensitive' },
  ['a@example.test', 'b@example.test'],
  null,
  42,
  true,
  { $ne: null },
  "' OR 1=1 --",
  'a@example.test\u0000admin',
];

test('9 input · Prisma-filter-shaped and non-string emails on login and sign-up: 400, no user created, no sign-in', async ({ request }) => {
  for (const email of EMAIL_SHAPES) {
    for (const path of ['/api/auth/login', '/api/auth/signup']) {
      const response = await request.post(`${MAIN}${path}`, { data: { email, password: { not: '' }, name: 'Inject' } });
      const body = await response.text();
      expectErrorShape(response.status(), body, `${path} email=${JSON.stringify(email)}`, [400, 401]);
      expect(response.headers()['set-cookie'] ?? '').toBe('');
    }
  }
  const login = await request.post(`${MAIN}/api/auth/login`, { data: { email: victim.email, password: { not: '' } } });
  expect(login.status()).toBe(400);
});

test('9 input · mass assignment: extra fields (id, passwordHash, tokensValidAfter) are refused at sign-up', async ({ request }) => {
  const email = `mass-${randomUUID().slice(0, 8)}@example.test`;
  const response = await request.post(`${MAIN}/api/auth/signup`, {
    data: { email, password: 'Mass-assign-pw-1', name: 'Mass', id: 'admin', passwordHash: '$2a$04$x', tokensValidAfter: '2100-01-01' },
  });
  expectErrorShape(response.status(), await response.text(), 'mass assignment', [400]);
  // Nothing was written: the email is still free.
  expect((await request.post(`${MAIN}/api/auth/signup`, { data: { email, password: 'Mass-assign-pw-1', name: 'Mass' } })).status()).toBe(201);
});

test('9 input · cart: filter-shaped productId, arrays, wrong types, negative/huge quantities: 400/404, cart unchanged', async () => {
  const before = await cartOf(victim.api);
  const bodies: unknown[] = [
    { productId: { in: products } },
    { productId: { not: '' } },
    { productId: products, quantity: 1 },
    [{ productId: products[0], quantity: 1 }],
    { productId: products[0], quantity: -5 },
    { productId: products[0], quantity: 1e9 },
    { productId: products[0], quantity: 1.5 },
    { productId: products[0], quantity: '2' },
    { productId: products[0], quantity: { gt: 0 } },
    { productId: products[0], userId: 'someone-else' },
    { productId: 'x'.repeat(65) },
    { productId: "' OR 1=1 --" },
    { productId: '../../etc/passwd' },
    { productId: '\u0000' },
    { productId: `${products[0]}\u0000` },
    null,
    'string',
    {},
  ];
  for (const data of bodies) {
    const response = await victim.api.post(`${MAIN}/api/cart/items`, { headers: { Origin: MAIN_ORIGIN, 'Content-Type': 'application/json' }, data: JSON.stringify(data) });
    expectErrorShape(response.status(), await response.text(), `POST /api/cart/items ${JSON.stringify(data).slice(0, 80)}`, [400, 404, 409]);
  }
  for (const data of [{ quantity: { set: 5 } }, { quantity: -1 }, { quantity: 100 }, [], { quantity: 1, productId: products[2] }]) {
    const response = await victim.api.patch(`${MAIN}/api/cart/items/${products[1]}`, { headers: { Origin: MAIN_ORIGIN }, data });
    expectErrorShape(response.status(), await response.text(), `PATCH ${JSON.stringify(data)}`, [400, 404]);
  }
  for (const id of [encodeURIComponent("' OR 1=1 --"), 'x'.repeat(200), '%00', encodeURIComponent('{"in":[]}')]) {
    const response = await victim.api.delete(`${MAIN}/api/cart/items/${id}`, { headers: { Origin: MAIN_ORIGIN } });
    expect(response.status(), id).toBeLessThan(500);
    expectNoInternals(await response.text(), `DELETE ${id}`);
  }
  expect(await cartOf(victim.api)).toBe(before);
});

test('9 input · invalid JSON, wrong content types (415), huge bodies (413): error shape, nothing written', async ({ request }) => {
  const before = await cartOf(victim.api);
  const email = `input-${randomUUID().slice(0, 8)}@example.test`;
  const cases: { name: string; type?: string; body: string | Buffer; expected: number[] }[] = [
    { name: 'invalid JSON', type: 'application/json', body: '{"email":', expected: [400] },
    { name: 'JSON with trailing garbage', type: 'application/json', body: '{"email":"a@b.c"} x', expected: [400] },
    { name: 'empty body', type: 'application/json', body: '', expected: [400] },
    { name: 'deeply nested JSON', type: 'application/json', body: '['.repeat(5000) + ']'.repeat(5000), expected: [400] },
    { name: 'text/plain', type: 'text/plain', body: JSON.stringify({ email, password: 'Input-pw-123', name: 'I' }), expected: [415] },
    { name: 'form-urlencoded', type: 'application/x-www-form-urlencoded', body: `email=${email}&password=Input-pw-123&name=I`, expected: [415] },
    { name: 'multipart', type: 'multipart/form-data; boundary=b', body: '--b\r\nContent-Disposition: form-data; name="email"\r\n\r\nx\r\n--b--', expected: [415] },
    { name: 'application/json-seq lookalike', type: 'application/jsonx', body: '{}', expected: [415] },
    { name: 'no content type', body: JSON.stringify({ email, password: 'Input-pw-123', name: 'I' }), expected: [415] },
    { name: '1 MB body', type: 'application/json', body: JSON.stringify({ email, password: 'Input-pw-123', name: 'x'.repeat(1024 * 1024) }), expected: [413] },
    { name: 'invalid UTF-8', type: 'application/json', body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), expected: [400] },
  ];
  for (const c of cases) {
    for (const path of ['/api/auth/signup', '/api/auth/login', '/api/cart/items']) {
      const api = path === '/api/cart/items' ? victim.api : request;
      const response = await api.post(`${MAIN}${path}`, {
        headers: { Origin: MAIN_ORIGIN, ...(c.type ? { 'Content-Type': c.type } : { 'Content-Type': '' }) },
        data: c.body,
      });
      expectErrorShape(response.status(), await response.text(), `${c.name} → ${path}`, c.expected);
    }
  }
  // Nothing was written: the email is still free, the cart is the same.
  expect((await request.post(`${MAIN}/api/auth/login`, { data: { email, password: 'Input-pw-123' } })).status()).toBe(401);
  expect(await cartOf(victim.api)).toBe(before);
});

test('9 input · the token endpoint: wrong content type, unknown grant, arrays: flat OAuth errors, never 500', async ({ request }) => {
  const cases: [string, Record<string, string>, string][] = [
    ['json with a wrong password', { 'Content-Type': 'application/json' }, JSON.stringify({ grant_type: 'password', username: victim.email, password: { not: '' } })],
    ['unknown grant', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'grant_type=client_credentials'],
    ['repeated params', { 'Content-Type': 'application/x-www-form-urlencoded' }, `grant_type=password&grant_type=refresh_token&username=${victim.email}&password=x`],
    ['scope injection', { 'Content-Type': 'application/x-www-form-urlencoded' }, `grant_type=password&username=${victim.email}&password=x&scope=admin`],
    ['huge', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'grant_type=password&username=' + 'a'.repeat(100_000)],
  ];
  for (const [name, headers, body] of cases) {
    const response = await request.post(`${MAIN}/api/auth/token`, { headers, data: body });
    expect([400, 401, 413, 415], name).toContain(response.status());
    const text = await response.text();
    expectNoInternals(text, name);
    expect(JSON.parse(text).error, name).toBeTruthy();
  }
});

test('9 input · huge and hostile cookies never cause a 500', async ({ request }) => {
  const cookies = [
    `access=${'x'.repeat(8000)}`,
    `access=${encodeURIComponent('{"$ne":null}')}`,
    'access=a; access=b; access=c',
    `signed-in=1; access=${'.'.repeat(3000)}`,
    `${'c'.repeat(50)}=${'v'.repeat(4000)}; ${'d'.repeat(50)}=${'v'.repeat(4000)}`,
    'access=%E0%A4%A',
  ];
  for (const cookie of cookies) {
    for (const path of ['/api/me', '/account', '/', '/api/auth/refresh']) {
      const response = await request.get(`${MAIN}${path}`, { headers: { Cookie: cookie }, maxRedirects: 0 });
      expect(response.status(), `${path} ${cookie.slice(0, 40)}`).toBeLessThan(500);
      expectNoInternals(await response.text(), `${path} cookie`);
    }
  }
});

test('9 input · page parameters naming what every object inherits (constructor, __proto__, toString): the page, never a 500', async ({ request }) => {
  for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    const q = encodeURIComponent(word);
    const visits: [APIRequestContext, string, number | null][] = [
      [request, `/login?reason=${q}`, 200],
      [request, `/signup?next=${q}`, 200],
      [request, `/?sort=${q}&category=${q}&page=${q}`, 200],
      [request, `/login/two-step?next=${q}`, null],
      [request, `/reset-password?token=${q}`, null],
      [request, `/verify-email?token=${q}`, null],
      [victim.api, `/account?notice=${q}&oidc=${q}&oidc_error=${q}&page=${q}`, 200],
      [victim.api, `/account/reauth?next=${q}`, 200],
      [victim.api, `/orders?page=${q}`, 200],
    ];
    for (const [client, path, expected] of visits) {
      const response = await client.get(`${MAIN}${path}`, { maxRedirects: 0 });
      const body = await response.text();
      if (expected === null) expect(response.status(), path).toBeLessThan(500);
      else expect(response.status(), path).toBe(expected);
      expectNoInternals(body, path);
      expect(body, path).not.toContain('Temporarily unavailable');
    }
  }
});
