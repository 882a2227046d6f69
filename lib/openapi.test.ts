// The OpenAPI document stays true: every route handler in app/ is described, with each HTTP
// method it exports, and nothing is described that does not exist.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from '@/lib/validation/zod';
import { verifyEditSchema } from '@/lib/learn/verify-schema';
import { loginSchema, signupSchema } from '@/lib/validation/auth';
import { addCartItemSchema, setCartItemSchema } from '@/lib/validation/cart';
import { cartSchema, errorSchema, orderSchema, productSchema, userSchema } from '@/lib/validation/responses';
import { accountPasswordSchema, accountTokenSchema, changeEmailSchema, confirmEmailSchema, forgotPasswordSchema, resetPasswordSchema } from '@/lib/validation/email';
import { openApiDocument } from './openapi';

const appDir = join(import.meta.dirname, '..', 'app');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === 'route.ts' ? [path] : [];
  });
}

/** app/api/orders/[id]/route.ts → /api/orders/{id}; route groups like (shop) vanish. */
function urlPath(file: string): string {
  const segments = relative(appDir, file).split(sep).slice(0, -1);
  return '/' + segments.filter((s) => !/^\(.*\)$/.test(s)).map((s) => s.replace(/^\[(.+)\]$/, '{$1}')).join('/');
}

function exportedMethods(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return METHODS.filter((method) => new RegExp(`export (const|async function|function) ${method}\\b`).test(source));
}

const routes = routeFiles(appDir).map((file) => ({ path: urlPath(file), methods: exportedMethods(file) }));
const documented = openApiDocument.paths as Record<string, Record<string, unknown>>;

describe('OpenAPI document', () => {
  it('finds the route handlers it checks', () => {
    expect(routes.length).toBeGreaterThan(15);
  });

  it.each(routes)('documents $path with each method it exports', ({ path, methods }) => {
    expect(documented[path], `${path} is missing from lib/openapi.ts`).toBeDefined();
    expect(Object.keys(documented[path]!).map((m) => m.toUpperCase()).sort()).toEqual([...methods].sort());
  });

  it('describes no route that does not exist', () => {
    const real = new Set(routes.map((r) => r.path));
    expect(Object.keys(documented).filter((path) => !real.has(path))).toEqual([]);
  });
});

describe('OpenAPI bodies and security', () => {
  const operations = Object.entries(documented).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }; security?: unknown }>).map(
      ([method, op]) => ({ path, method, op }),
    ),
  );

  it.each([
    ['/api/auth/signup', 'post', signupSchema],
    ['/api/auth/login', 'post', loginSchema],
    ['/api/cart/items', 'post', addCartItemSchema],
    ['/api/cart/items/{productId}', 'patch', setCartItemSchema],
    ['/api/learn/verify', 'post', verifyEditSchema],
    ['/api/auth/password/forgot', 'post', forgotPasswordSchema],
    ['/api/auth/password/reset', 'post', resetPasswordSchema],
    ['/api/auth/email/confirm', 'post', confirmEmailSchema],
    ['/api/account/tokens', 'post', accountTokenSchema],
    ['/api/account/password', 'post', accountPasswordSchema],
    ['/api/account/email', 'post', changeEmailSchema],
  ] as const)('%s %s: the request body is the zod schema the handler parses with', (path, method, schema) => {
    const { $schema: _dialect, ...expected } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    void _dialect;
    const op = operations.find((o) => o.path === path && o.method === method)!;
    expect(op.op.requestBody!.content['application/json']!.schema).toEqual(expected);
  });

  it('keeps the closed request objects closed (hand-written copies used to miss additionalProperties: false)', () => {
    for (const path of ['/api/auth/signup', '/api/auth/login', '/api/cart/items']) {
      expect(operations.find((o) => o.path === path)!.op.requestBody!.content['application/json']!.schema).toMatchObject({ additionalProperties: false });
    }
  });

  it('states the security of every operation', () => {
    for (const { path, method, op } of operations) expect(op.security, `${method} ${path}`).toBeDefined();
  });
});

describe('OpenAPI response bodies', () => {
  const schemas = (openApiDocument as unknown as { components: { schemas: Record<string, unknown> } }).components.schemas;

  it.each([
    ['User', userSchema],
    ['Product', productSchema],
    ['Cart', cartSchema],
    ['Order', orderSchema],
    ['Error', errorSchema],
  ] as const)('%s is the zod response schema the data layer is typed by', (name, schema) => {
    const { $schema: _dialect, ...expected } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
    void _dialect;
    expect(schemas[name]).toEqual(expected);
    // An answer carries exactly these fields: nothing undocumented leaves the server.
    expect(schemas[name]).toMatchObject({ type: 'object', additionalProperties: false });
  });

  it('refers to them from the operations (the cart routes answer a Cart)', () => {
    const cartOk = (documented['/api/cart'] as { get: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }).get.responses['200']!;
    expect(cartOk.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Cart' });
  });
});
