// zod schemas as OpenAPI bodies: a request body is the JSON Schema of what a client may send, from
// the same schema the handler parses with; a response body is what the handler answers
// (lib/validation/*responses.ts, lib/validation/oauth.ts). Shared by lib/openapi.ts,
// lib/openapi-account.ts and lib/openapi-strong-sign-in.ts, which write no JSON Schema of a body
// by hand (lib/openapi.test.ts checks that).
import { z } from '@/lib/validation/zod';

export const jsonBody = (schema: object) => ({ content: { 'application/json': { schema } } });

/** The JSON Schema of a zod schema, without the `$schema` dialect line (the document states 3.1). */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  void _dialect;
  return jsonSchema;
}

/** A request body: what the handler's schema accepts. */
export const bodyOf = (schema: z.ZodType) => jsonBody(jsonSchemaOf(schema, 'input'));

/** A response schema: what the handler answers. */
export const responseSchemaOf = (schema: z.ZodType) => jsonSchemaOf(schema, 'output');

/** A response whose JSON body is a zod schema's, inline (wrappers like `{ user }` embed the object). */
export const answer = (description: string, schema: z.ZodType) => ({ description, ...jsonBody(responseSchemaOf(schema)) });

/** A response whose body is one of the document's components (User, Cart, Error, …). */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const answerOf = (description: string, component: string) => ({ description, ...jsonBody(ref(component)) });
