// What the JSON API answers, as zod schemas. The OpenAPI document's response bodies are generated
// from them (z.toJSONSchema, lib/openapi-body.ts), and the data layer's JSON shapes are their types
// (ProductDto, OrderDto, the cart's JSON), so a field added on one side only fails the type check.
import { z } from '@/lib/validation/zod';
import { MAX_LINE_QUANTITY } from './cart';

const cents = () => z.int();

export const userSchema = z.object({ id: z.string(), email: z.email(), name: z.string() });

export const categoryRefSchema = z.object({ slug: z.string(), name: z.string() });

export const productSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  priceCents: cents().min(0),
  imageUrl: z.string(),
  stock: z.int().min(0),
  category: categoryRefSchema.nullable(),
});

export const cartSchema = z.object({
  items: z.array(
    z.object({
      productId: z.string(),
      slug: z.string(),
      name: z.string(),
      unitPriceCents: cents(),
      quantity: z.int().min(1).max(MAX_LINE_QUANTITY),
      lineTotalCents: cents(),
    }),
  ),
  totalCents: cents(),
  mergeCapped: z
    .literal(true)
    .optional()
    .meta({ description: `Present (true) after a sign-in merged a guest cart and lowered a line to ${MAX_LINE_QUANTITY} or to the stock` }),
});

export const orderItemSchema = z.object({ productId: z.string(), name: z.string(), unitPriceCents: cents(), quantity: z.int() });

export const orderSchema = z.object({
  id: z.string(),
  /** ISO 8601. */
  createdAt: z.iso.datetime(),
  totalCents: cents(),
  items: z.array(orderItemSchema),
});

/** The one error shape of every JSON route (lib/http.ts errorResponse). */
export const errorSchema = z.object({
  error: z.object({
    code: z.string().meta({ examples: ['invalid_request'] }),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

export type ProductJson = z.output<typeof productSchema>;
export type CartJson = z.output<typeof cartSchema>;
export type OrderJson = z.output<typeof orderSchema>;
export type OrderItemJson = z.output<typeof orderItemSchema>;
