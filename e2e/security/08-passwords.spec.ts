// 8. Passwords (OWASP Password Storage cheat sheet, ASVS 5 V6.2): more than 72 bytes is refused
// with a clear message, never silently truncated; Unicode passwords round-trip; emails that differ
// only by case, full-width characters or surrounding space are one account.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { MAIN } from './support.ts';

test.describe.configure({ mode: 'parallel' });

const email = () => `pw-${randomUUID().slice(0, 12)}@example.test`;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

test('8 passwords · sign-up with 73 bytes (ASCII) is 400 naming password', async ({ request }) => {
  const response = await request.post(`${MAIN}/api/auth/signup`, { data: { email: email(), password: 'a'.repeat(73), name: 'Long' } });
  expect(response.status()).toBe(400);
  const body = (await response.json()) as { error: { code: string; fields: Record<string, string[]> } };
  expect(body.error.code).toBe('invalid_request');
  expect(body.error.fields.password!.join(' ')).toMatch(/at most 72 characters/); // the plain-words form of the 72-byte limit
});

test('8 passwords · 72 bytes of emoji + 1 more byte is 400 (bytes, not characters)', async ({ request }) => {
  const password = '😀'.repeat(18) + 'a'; // 18 × 4 bytes + 1 = 73 bytes, 19 "characters"
  expect(bytes(password)).toBe(73);
  const response = await request.post(`${MAIN}/api/auth/signup`, { data: { email: email(), password, name: 'Emoji' } });
  expect(response.status()).toBe(400);
  expect(JSON.stringify(await response.json())).toContain('password');
});

test('8 passwords · never truncated: a 72-byte password signs in; the same + extra bytes is refused (400), not 200', async ({ request }) => {
  const address = email();
  const password = 'P'.repeat(70) + 'w1';
  expect(bytes(password)).toBe(72);
  expect((await request.post(`${MAIN}/api/auth/signup`, { data: { email: address, password, name: 'Exact' } })).status()).toBe(201);
  expect((await request.post(`${MAIN}/api/auth/login`, { data: { email: address, password } })).status()).toBe(200);
  for (const extra of ['x', 'xyz', '!'.repeat(100)]) {
    const response = await request.post(`${MAIN}/api/auth/login`, { data: { email: address, password: password + extra } });
    expect([400, 401], extra).toContain(response.status());
    expect(response.headers()['set-cookie'] ?? '').toBe('');
  }
  // Nor through the token endpoint.
  const grant = await request.post(`${MAIN}/api/auth/token`, { form: { grant_type: 'password', username: address, password: password + 'x' } });
  expect(grant.status()).toBe(400);
});

for (const [name, password] of [
  ['emoji', 'my 🔑 is 🦄🦄🦄 ok'],
  ['combining characters', 'cafe\u0301-nai\u0308ve-pw'],
  ['precomposed characters', 'café-naïve-pw'],
  ['CJK and RTL', '秘密のパスワード-שלום'],
  ['72 bytes exactly of 3-byte characters', '秘'.repeat(24)],
] as const) {
  test(`8 passwords · Unicode round-trip: ${name}`, async ({ request }) => {
    const address = email();
    expect((await request.post(`${MAIN}/api/auth/signup`, { data: { email: address, password, name: 'Unicode' } })).status()).toBe(201);
    expect((await request.post(`${MAIN}/api/auth/login`, { data: { email: address, password } })).status()).toBe(200);
    // A different normalisation of the same text is a different password (no silent folding).
    const other = password.normalize('NFC') === password ? password.normalize('NFD') : password.normalize('NFC');
    if (other !== password) expect((await request.post(`${MAIN}/api/auth/login`, { data: { email: address, password: other } })).status()).toBe(401);
  });
}

test('8 passwords · shorter than 8 characters is refused at sign-up', async ({ request }) => {
  const response = await request.post(`${MAIN}/api/auth/signup`, { data: { email: email(), password: 'short', name: 'Short' } });
  expect(response.status()).toBe(400);
  expect(JSON.stringify(await response.json())).toContain('password');
});

test('8 passwords · emails differing by case, full-width characters or surrounding space are one account', async ({ request }) => {
  const local = `same${randomUUID().slice(0, 8)}`;
  const base = `${local}@example.test`;
  const password = 'Same-account-pw-1';
  expect((await request.post(`${MAIN}/api/auth/signup`, { data: { email: base, password, name: 'Same' } })).status()).toBe(201);
  const fullWidth = [...base].map((c) => (/[a-z0-9]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
  const spellings = [base.toUpperCase(), `  ${base}  `, fullWidth, `\t${base.replace(/^s/, 'S')}\n`];
  for (const spelling of spellings) {
    const again = await request.post(`${MAIN}/api/auth/signup`, { data: { email: spelling, password, name: 'Copy' } });
    expect(again.status(), JSON.stringify(spelling)).toBe(409);
    const login = await request.post(`${MAIN}/api/auth/login`, { data: { email: spelling, password } });
    expect(login.status(), JSON.stringify(spelling)).toBe(200);
    expect(((await login.json()) as { user: { email: string } }).user.email).toBe(base);
  }
});
