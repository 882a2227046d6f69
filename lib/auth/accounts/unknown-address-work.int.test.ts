// Account enumeration by timing (OWASP Authentication cheat sheet): a sign-in for an unknown
// address must do the same work as a wrong password for a real one. Timing it cannot prove that
// (at the test cost one compare takes about a millisecond, inside any allowance that survives a
// busy machine); counting the work can. Each path must run exactly one bcrypt compare against a
// hash of the configured cost, here 5 (not the suite's usual 4), so a cheaper dummy hash fails
// too. The browser suite's timing spec stays as a measurement.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as login } from '@/app/api/auth/login/route';
import { POST as signup } from '@/app/api/auth/signup/route';
import { resetEnvForTests } from '@/lib/env';
import { makeRequest, uniqueEmail } from '@/test/auth-requests';

/** Every bcrypt job handed to the worker pool: the real pool does the work, this only counts it. */
const jobs = vi.hoisted(() => [] as { op: 'hash' | 'compare'; hash: string }[]);

vi.mock('./bcrypt-pool', async (importOriginal) => {
  const real = await importOriginal<typeof import('./bcrypt-pool')>();
  return {
    ...real,
    runOnWorker: (op: 'hash' | 'compare', a: string, b: string | number) => {
      if (op === 'compare') jobs.push({ op, hash: String(b) });
      else jobs.push({ op, hash: `cost ${b}` });
      return (real.runOnWorker as (op: string, a: string, b: string | number) => Promise<unknown> | null)(op, a, b);
    },
  };
});

const ctx = {} as never;
const PASSWORD = 'correct horse battery';
const attempt = (email: string, password: string) => login(makeRequest('/api/auth/login', 'POST', { body: { email, password } }), ctx);

let known: string;

beforeAll(async () => {
  process.env.BCRYPT_COST = '5';
  resetEnvForTests();
  known = uniqueEmail('known');
  expect((await signup(makeRequest('/api/auth/signup', 'POST', { body: { email: known, password: PASSWORD, name: 'Known' } }), ctx)).status).toBe(201);
  // The dummy hash is made on the first unknown address; that one-off is not what is compared here.
  expect((await attempt(uniqueEmail('warm'), PASSWORD)).status).toBe(401);
});
afterAll(() => {
  delete process.env.BCRYPT_COST;
  resetEnvForTests();
});
beforeEach(() => {
  jobs.length = 0;
});

const COST_5 = /^\$2[aby]\$05\$/;

describe('the work of a refused sign-in', () => {
  it('an unknown address runs exactly one bcrypt compare, against a hash of the configured cost', async () => {
    expect((await attempt(uniqueEmail('nobody'), PASSWORD)).status).toBe(401);
    expect(jobs.map((j) => j.op)).toEqual(['compare']);
    expect(jobs[0]!.hash).toMatch(COST_5);
  });

  it('a wrong password for a real account does the same: one compare at the configured cost', async () => {
    expect((await attempt(known, 'not the password')).status).toBe(401);
    expect(jobs.map((j) => j.op)).toEqual(['compare']);
    expect(jobs[0]!.hash).toMatch(COST_5);
  });

  it('the counting sees the right password too (the positive control)', async () => {
    expect((await attempt(known, PASSWORD)).status).toBe(200);
    expect(jobs.map((j) => j.op)).toEqual(['compare']);
  });
});
