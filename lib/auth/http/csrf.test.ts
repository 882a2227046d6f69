import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { appOrigin, assertSameOrigin, originProblem, type OriginPolicy } from './csrf';

const APP = 'http://localhost:3000';

function headers(origin: string | undefined, fetchSite?: string): Headers {
  const h = new Headers();
  if (origin !== undefined) h.set('origin', origin);
  if (fetchSite !== undefined) h.set('sec-fetch-site', fetchSite);
  return h;
}

type Row = [origin: string | undefined, fetchSite: string | undefined, strict: 'ok' | 403, login: 'ok' | 403];

// origin, Sec-Fetch-Site, verdict for cookie-authenticated writes, verdict for sign-in/sign-up
const MATRIX: Row[] = [
  [APP, undefined, 'ok', 'ok'],
  [APP, 'same-origin', 'ok', 'ok'],
  [APP, 'none', 'ok', 'ok'],
  [APP, 'cross-site', 403, 403],
  [APP, 'same-site', 403, 403],
  [undefined, undefined, 403, 'ok'],
  [undefined, 'same-origin', 403, 'ok'],
  [undefined, 'cross-site', 403, 403],
  [undefined, 'same-site', 403, 403],
  ['null', undefined, 403, 403],
  ['null', 'cross-site', 403, 403],
  ['', undefined, 403, 403],
  ['https://evil.example', undefined, 403, 403],
  ['https://evil.example', 'cross-site', 403, 403],
  ['http://localhost:3001', undefined, 403, 403],
  ['https://localhost:3000', undefined, 403, 403],
  ['http://localhost', undefined, 403, 403],
  ['http://sub.localhost:3000', undefined, 403, 403],
  ['http://localhost:3000.evil.example', undefined, 403, 403],
  [`${APP}/`, undefined, 403, 403],
];

describe('originProblem', () => {
  for (const [origin, fetchSite, strict, login] of MATRIX) {
    for (const [policy, verdict] of [
      ['strict', strict],
      ['login', login],
    ] as [OriginPolicy, 'ok' | 403][]) {
      it(`${policy}: Origin=${JSON.stringify(origin ?? null)} Sec-Fetch-Site=${fetchSite ?? '-'} → ${verdict}`, () => {
        const problem = originProblem(headers(origin, fetchSite), APP, policy);
        if (verdict === 'ok') expect(problem).toBeNull();
        else {
          expect(problem).toBeInstanceOf(AppError);
          expect(problem).toMatchObject({ status: 403, code: 'forbidden_origin' });
        }
      });
    }
  }
});

describe('appOrigin / assertSameOrigin', () => {
  it('takes APP_URL over the request URL (a spoofed Host cannot make itself "same origin")', () => {
    expect(appOrigin('http://evil.example/api/auth/logout', 'https://shop.example')).toBe('https://shop.example');
    expect(appOrigin('http://localhost:3000/api/auth/logout')).toBe('http://localhost:3000');
  });

  it('throws the 403 for a foreign origin and passes our own', () => {
    const request = (origin: string) =>
      new Request('http://internal:8080/api/auth/logout', { method: 'POST', headers: { origin } });
    expect(() => assertSameOrigin(request('https://evil.example'), 'strict', 'https://shop.example')).toThrow(AppError);
    expect(() => assertSameOrigin(request('http://internal:8080'), 'strict', 'https://shop.example')).toThrow(AppError);
    expect(() => assertSameOrigin(request('https://shop.example'), 'strict', 'https://shop.example')).not.toThrow();
  });
});
