// The OpenAPI document stays true: every route handler in app/ is described, with each HTTP
// method it exports, and nothing is described that does not exist.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from '@/lib/validation/zod';
import * as learnSchemas from '@/lib/learn/verify-schema';
import { verifyEditSchema } from '@/lib/learn/verify-schema';
import * as accountResponses from '@/lib/validation/account-responses';
import * as authSchemas from '@/lib/validation/auth';
import { loginSchema, signupSchema } from '@/lib/validation/auth';
import * as cartSchemas from '@/lib/validation/cart';
import { addCartItemSchema, checkoutSchema, setCartItemSchema } from '@/lib/validation/cart';
import * as oauthSchemas from '@/lib/validation/oauth';
import { oauthErrorSchema, tokenRequestSchema, tokenResponseSchema } from '@/lib/validation/oauth';
import * as shopResponses from '@/lib/validation/responses';
import { cartSchema, errorSchema, orderSchema, productSchema, userSchema } from '@/lib/validation/responses';
import * as strongSignInSchemas from '@/lib/validation/strong-sign-in';
import * as strongSignInResponses from '@/lib/validation/strong-sign-in-responses';
import * as emailSchemas from '@/lib/validation/email';
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
    ['/api/checkout', 'post', checkoutSchema],
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

  it('declares every {parameter} of a path (OpenAPI 3.1 requires it; client generators drop the undeclared)', () => {
    for (const { path, method, op } of operations) {
      const declared = ((op as { parameters?: { name: string; in: string }[] }).parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(declared.toSorted(), `${method} ${path}`).toEqual(inPath.toSorted());
    }
  });

  it('lists what every route of a kind can answer: 503 where the database is read, 403 on cookie writes and scoped routes', () => {
    for (const { path, method, op } of operations) {
      if (['/api/openapi.json', '/.well-known/jwks.json', '/api/auth/token'].includes(path)) continue;
      const responses = (op as { responses: Record<string, unknown> }).responses;
      expect(responses, `${method} ${path}`).toHaveProperty('503');
      if (method !== 'get') expect(responses, `${method} ${path}`).toHaveProperty('403');
    }
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
    ['TokenResponse', tokenResponseSchema],
    ['OAuthError', oauthErrorSchema],
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

/** Every zod schema the app exports by name from its schema modules, with the name it goes by. */
const namedSchemas = Object.entries<unknown>({ ...learnSchemas, ...authSchemas, ...cartSchemas, ...emailSchemas, ...strongSignInSchemas, ...oauthSchemas, ...shopResponses, ...accountResponses, ...strongSignInResponses }).filter(
  (entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType,
);

/** z.toJSONSchema as the document states it (no dialect line), computed here, not by the document's helpers. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  void _dialect;
  return rest;
}

const generated = namedSchemas.flatMap(([name, schema]) => (['input', 'output'] as const).map((io) => ({ name: `${name} (${io})`, json: jsonSchema(schema, io) })));

type Content = Record<string, { schema?: unknown }>;
type DocOperation = { requestBody?: { content: Content }; responses: Record<string, { content?: Content }> };

/** Every body schema in the document: each request body and each response body of each operation. */
const bodies = Object.entries(documented).flatMap(([path, methods]) =>
  Object.entries(methods as Record<string, DocOperation>).flatMap(([method, op]) => [
    ...Object.entries(op.requestBody?.content ?? {}).map(([type, { schema }]) => ({ at: `${method} ${path} request ${type}`, schema })),
    ...Object.entries(op.responses).flatMap(([status, response]) =>
      Object.entries(response.content ?? {}).map(([type, { schema }]) => ({ at: `${method} ${path} ${status} ${type}`, schema })),
    ),
  ]),
);

describe('OpenAPI bodies are generated, never written by hand', () => {
  const components = (openApiDocument as unknown as { components: { schemas: Record<string, unknown> } }).components.schemas;

  it('finds the bodies it checks (requests and responses, JSON and others)', () => {
    expect(bodies.length).toBeGreaterThan(100);
    expect(bodies.some((b) => b.at.includes('application/x-www-form-urlencoded'))).toBe(true);
    expect(bodies.some((b) => b.at.includes('application/jwk-set+json'))).toBe(true);
  });

  it.each(bodies)('$at is a component or the JSON Schema of a named zod schema', ({ schema }) => {
    const $ref = (schema as { $ref?: string }).$ref;
    if ($ref !== undefined) {
      expect(Object.keys(schema as object)).toEqual(['$ref']);
      expect(components[$ref.replace('#/components/schemas/', '')], $ref).toBeDefined();
      return;
    }
    expect(generated.filter((g) => isDeepStrictEqual(g.json, schema)).map((g) => g.name)).not.toEqual([]);
  });

  it('every component is the JSON Schema of a named zod schema', () => {
    for (const [name, schema] of Object.entries(components)) {
      expect(generated.some((g) => isDeepStrictEqual(g.json, schema)), name).toBe(true);
    }
  });

  it('the token endpoint takes its grants as the endpoint parses them, form-encoded or JSON', () => {
    const content = (documented['/api/auth/token'] as { post: DocOperation }).post.requestBody!.content;
    expect(content['application/x-www-form-urlencoded']!.schema).toEqual(jsonSchema(tokenRequestSchema, 'input'));
    expect(content['application/json']!.schema).toEqual(jsonSchema(tokenRequestSchema, 'input'));
  });

  it('states the fields the routes really answer that the hand-written bodies missed', () => {
    const schemaAt = (path: string, method: string, status: string) =>
      ((documented[path] as Record<string, DocOperation>)[method]!.responses[status]!.content!['application/json']!.schema as { properties: Record<string, unknown> }).properties;
    expect(schemaAt('/api/cron/purge', 'get', '200')).toHaveProperty('challengesDeleted');
    expect(schemaAt('/api/account/totp/confirm', 'post', '200')).toHaveProperty('otherSessionsEnded');
    expect(schemaAt('/api/auth/reauth', 'post', '200')).toHaveProperty('token_type');
  });
});
