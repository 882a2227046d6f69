// The protection table is the one list of what is protected: every reader agrees with it.
import { describe, expect, it } from 'vitest';
import { guardOf } from '@/lib/auth/guards/options';
import { openApiDocument } from '@/lib/openapi';
import { config } from '@/middleware';
import { pageFiles, relativeToRoot, routeFiles } from '@/test/app-files';
import { isProtectedApi, isProtectedPage } from './paths';
import { API_ROUTES, PROTECTED_PAGES, apiRule, type ApiRule } from './protection';

const pages = pageFiles();
const guardedPages = pages.filter((p) => /\brequirePageSession\s*\(/.test(p.source));
const routes = routeFiles();
const tableEntries = Object.entries(API_ROUTES).flatMap(([path, methods]) =>
  Object.entries(methods as Record<string, ApiRule>).map(([method, rule]) => ({ path, method, rule })),
);
/** A concrete URL for a table path: {param} → a sample segment. */
const sample = (path: string) => path.replace(/\{[^}]+\}/g, 'sample-1');

describe('protection table: pages', () => {
  it('finds the pages it checks', () => {
    expect(pages.length).toBeGreaterThan(8);
    expect(guardedPages.length).toBeGreaterThanOrEqual(PROTECTED_PAGES.length);
  });

  it.each(guardedPages.map((p) => [p.path, p] as const))('%s calls the page guard and is in PROTECTED_PAGES', (path) => {
    expect(isProtectedPage(sample(path.replace(/\[[^\]]+\]/g, '{p}'))), `${path}: add it to PROTECTED_PAGES`).toBe(true);
  });

  it.each(pages.filter((p) => !/\brequirePageSession\s*\(/.test(p.source)).map((p) => [p.path, p] as const))(
    '%s does not call the page guard and is not in PROTECTED_PAGES',
    (path, page) => {
      expect(isProtectedPage(sample(path.replace(/\[[^\]]+\]/g, '{p}'))), `${relativeToRoot(page.file)} is protected but never calls requirePageSession`).toBe(false);
    },
  );

  it.each([...PROTECTED_PAGES])('%s has a page that calls the page guard', (prefix) => {
    expect(guardedPages.some((p) => p.path === prefix || p.path.startsWith(prefix + '/'))).toBe(true);
  });
});

describe('protection table: API routes', () => {
  it.each(routes.map((r) => [r.path, r] as const))('%s is in the table, with the guard its handler declares', async (path, route) => {
    const mod = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
    for (const method of route.methods) {
      const rule = apiRule(path, method);
      expect(rule, `${method} ${path} is missing from API_ROUTES (lib/auth/http/protection.ts)`).toBeDefined();
      const guard = guardOf(mod[method]);
      expect({ auth: guard?.auth, scope: guard?.scope, fresh: guard?.fresh === true }, `${method} ${path}`).toEqual({
        auth: rule!.auth,
        scope: rule!.scope,
        fresh: rule!.fresh === true,
      });
    }
  });

  it('describes no route that does not exist', () => {
    const real = new Set(routes.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)));
    expect(tableEntries.map((e) => `${e.method} ${e.path}`).filter((key) => !real.has(key))).toEqual([]);
  });

  it.each(tableEntries.map((e) => [`${e.method} ${e.path}`, e] as const))('%s: the path check and OpenAPI agree with the table', (_key, { path, method, rule }) => {
    if (!path.startsWith('/api/')) return expect(rule.auth).toBe('none');
    if (rule.auth === 'required') expect(isProtectedApi(sample(path))).toBe(true);
    const operation = (openApiDocument.paths as Record<string, Record<string, { security?: unknown }>>)[path]?.[method.toLowerCase()];
    expect(operation, `${method} ${path} is missing from the OpenAPI document`).toBeDefined();
    if (rule.scope) expect(JSON.stringify(operation!.security)).toContain(`"${rule.scope}"`);
    if (rule.auth === 'required') expect(operation!.security).not.toEqual([]);
    const refusal = JSON.stringify((operation as { responses?: Record<string, unknown> }).responses?.['403'] ?? null);
    expect(refusal.includes('reauth_required'), `${method} ${path}: OpenAPI's 403 says reauth_required exactly where the table asks for step-up`).toBe(rule.fresh === true);
  });

  it('leaves every route without a required method public in the middleware', () => {
    const publicPaths = Object.entries(API_ROUTES)
      .filter(([path, methods]) => path.startsWith('/api/') && Object.values(methods as Record<string, ApiRule>).every((r) => r.auth !== 'required'))
      .map(([path]) => path);
    expect(publicPaths.length).toBeGreaterThan(5);
    for (const path of publicPaths) expect(isProtectedApi(sample(path)), path).toBe(false);
  });
});

describe('middleware config.matcher (literals, as Next requires)', () => {
  // The first entry is a regular expression over the path; the second reaches /api/* only for a
  // CORS preflight (a `has` condition on Access-Control-Request-Method), which no path test sees.
  const [pagesMatcher, escapedApi, preflight] = config.matcher;
  const pagesRe = new RegExp(`^${pagesMatcher as string}$`);
  const escapedRe = new RegExp(`^${escapedApi as string}$`);
  const reached = (path: string) => pagesRe.test(path) || escapedRe.test(path);

  it('runs on every protected page, its sub-paths and the public pages (the refresh hop, the nonce CSP)', () => {
    for (const prefix of PROTECTED_PAGES) {
      expect(reached(prefix), prefix).toBe(true);
      expect(reached(`${prefix}/sample-1`), prefix).toBe(true);
    }
    for (const path of ['/', '/login', '/products/sample-1', '/learn', '/cart']) expect(reached(path), path).toBe(true);
  });

  it("skips every API route: each one's guard is its check (lib/auth/guards/guards.test.ts)", () => {
    for (const { path } of tableEntries) expect(reached(sample(path)), path).toBe(false);
    expect(preflight).toEqual({ source: '/api/:path*', has: [{ type: 'header', key: 'access-control-request-method' }] });
  });

  it('runs on an API path with a %-escape (a broken one gets its 400, not a 500 from the router)', () => {
    expect(reached('/api/products/%ff')).toBe(true);
    expect(reached('/api/orders/%e0%a4')).toBe(true);
    expect(reached('/api/products/mug')).toBe(false);
  });

  it('skips static files', () => {
    expect(reached('/_next/static/chunks/app.js')).toBe(false);
    expect(reached('/favicon.ico')).toBe(false);
  });
});
