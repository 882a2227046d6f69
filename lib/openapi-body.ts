// A zod schema as an OpenAPI request body: the same schema the handler parses with, converted
// with z.toJSONSchema (what a client may send, so the input side of any transform).
import { z } from 'zod';

const jsonBody = (schema: object) => ({ content: { 'application/json': { schema } } });

export function bodyOf(schema: z.ZodType) {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  void _dialect;
  return jsonBody(jsonSchema);
}
