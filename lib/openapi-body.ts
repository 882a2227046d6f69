// A zod schema as an OpenAPI request body: the JSON Schema of what a client may send, from the
// same schema the handler parses with. Shared by lib/openapi.ts, lib/openapi-account.ts and lib/openapi-strong-sign-in.ts.
import { z } from '@/lib/validation/zod';

export const jsonBody = (schema: object) => ({ content: { 'application/json': { schema } } });

export function bodyOf(schema: z.ZodType) {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  void _dialect;
  return jsonBody(jsonSchema);
}
