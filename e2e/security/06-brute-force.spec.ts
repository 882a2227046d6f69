// 6. Brute force (OWASP Authentication cheat sheet, ASVS 5 V6.3): failed sign-ins are throttled
// per account and per client address with 429 and Retry-After; X-Forwarded-For cannot be used to
// dodge the limits (ignored without TRUST_PROXY; only its right-most entry counts with it); the
// account-wide block is short, and the real owner signing in from another address still works.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { MAIN, SEC, createVictim, randomAddress, type Victim } from './support.ts';

test.describe.configure({ mode: 'parallel' });

async function login(request: APIRequestContext, base: string, email: string, password: string, xff?: string) {
  return request.post(`${base}/api/auth/login`, {
    headers: { 'Content-Type': 'application/json', ...(xff ? { 'X-Forwarded-For': xff } : {}) },
    data: { email, password },
  });
}

function expectThrottled(status: number, retryAfter: string | undefined, max: number) {
  expect(status).toBe(429);
  const seconds = Number(retryAfter);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(max);
}

test('6 brute force · main server (no TRUST_PROXY): a changing X-Forwarded-For does not dodge the per-account limit; its block is ≤ 300 s', async ({ request }) => {
  const victim: Victim = await createVictim(MAIN);
  let first429 = -1;
  for (let i = 0; i < 25 && first429 < 0; i++) {
    const response = await login(request, MAIN, victim.email, `wrong-${i}`, `${randomAddress()}, ${randomAddress()}`);
    if (response.status() === 429) {
      first429 = i;
      expectThrottled(429, response.headers()['retry-after'], 300);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe('too_many_attempts');
    } else expect(response.status()).toBe(401);
  }
  expect(first429, 'never throttled').toBeGreaterThan(0);
  expect(first429).toBeLessThanOrEqual(20);
  // Even the right password is refused while blocked (no oracle), and the block is short.
  const right = await login(request, MAIN, victim.email, victim.password, randomAddress());
  expectThrottled(right.status(), right.headers()['retry-after'], 300);
  // The OAuth token endpoint shares the counters.
  const grant = await request.post(`${MAIN}/api/auth/token`, { form: { grant_type: 'password', username: victim.email, password: 'x' } });
  expect(grant.status()).toBe(429);
  expect(Number(grant.headers()['retry-after'])).toBeLessThanOrEqual(300);
  await victim.api.dispose();
});

test('6 brute force · TRUST_PROXY server: varying the left X-Forwarded-For entries does not dodge the per-account-and-address limit; the owner from another address still signs in', async ({ request }) => {
  const victim = await createVictim(SEC);
  const attackerAddress = randomAddress();
  let blockedAt = -1;
  for (let i = 0; i < 10 && blockedAt < 0; i++) {
    const response = await login(request, SEC, victim.email, `guess-${i}`, `${randomAddress()}, ${randomAddress()}, ${attackerAddress}`);
    if (response.status() === 429) {
      blockedAt = i;
      expectThrottled(429, response.headers()['retry-after'], 15 * 60);
    } else expect(response.status()).toBe(401);
  }
  expect(blockedAt, 'attacker never throttled').toBeGreaterThan(0);
  expect(blockedAt).toBeLessThanOrEqual(5);
  // Still blocked with yet other left entries, and without any (the right-most is what counts).
  for (const xff of [`${randomAddress()}, ${attackerAddress}`, attackerAddress]) {
    const again = await login(request, SEC, victim.email, victim.password, xff);
    expect(again.status()).toBe(429);
  }
  // The victim, from their own address (a different right-most entry), signs in.
  const owner = await login(request, SEC, victim.email, victim.password, `${attackerAddress}, ${randomAddress()}`);
  expect(owner.status(), await owner.text()).toBe(200);
  await victim.api.dispose();
});

test('6 brute force · TRUST_PROXY server: one address spraying many accounts is throttled per address', async ({ request }) => {
  test.setTimeout(120_000);
  const address = randomAddress();
  let blockedAt = -1;
  for (let i = 0; i < 60 && blockedAt < 0; i++) {
    const response = await login(request, SEC, `spray-${i}-${Date.now()}@example.test`, 'Password-123', `${randomAddress()}, ${address}`);
    if (response.status() === 429) {
      blockedAt = i;
      expectThrottled(429, response.headers()['retry-after'], 3600);
    } else expect(response.status()).toBe(401);
  }
  expect(blockedAt, 'spray never throttled').toBeGreaterThan(0);
  expect(blockedAt).toBeLessThanOrEqual(50);
  // Another address is unaffected.
  const other = await login(request, SEC, `other-${Date.now()}@example.test`, 'Password-123', randomAddress());
  expect(other.status()).toBe(401);
});

test('6 brute force · TRUST_PROXY server: garbage in X-Forwarded-For is not a fresh bucket per request', async ({ request }) => {
  const victim = await createVictim(SEC);
  const statuses: number[] = [];
  for (let i = 0; i < 24; i++) {
    const response = await login(request, SEC, victim.email, `wrong-${i}`, `not-an-ip-${i}`);
    statuses.push(response.status());
  }
  // Unparseable addresses fall back to the per-account counter, which still blocks.
  expect(statuses).toContain(429);
  await victim.api.dispose();
});
