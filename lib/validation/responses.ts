// What the JSON API answers, as zod schemas: the shop, sign-in, and the odd public routes. The
// OpenAPI document's response bodies are generated from them (z.toJSONSchema, lib/openapi-body.ts),
// and the data layer's JSON shapes are their types (ProductDto, OrderDto, the cart's JSON) or the
// handlers check their answers with `satisfies`, so a field added on one side only fails the type
// check. The account API's answers are in account-responses.ts, strong sign-in's in
// strong-sign-in-responses.ts, the token endpoint's in oauth.ts.
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

/** POST /api/auth/signup, the second step, a passkey sign-in: the signed-in user. */
export const signedInSchema = z.object({ user: userSchema });

/** POST /api/auth/login for an account with two-step sign-in: no session yet, the `mfa` cookie. */
export const secondStepRequiredSchema = z.object({ mfaRequired: z.literal(true), methods: z.array(z.enum(['totp', 'recovery'])) });

export const loginAnswerSchema = z.union([signedInSchema, secondStepRequiredSchema]);

/** GET /api/me: the user and whether their address is verified. */
export const meSchema = z.object({ user: userSchema.extend({ emailVerified: z.boolean() }) });

/** POST /api/auth/refresh: the new pair is in the cookies; the body says when the access token ends. */
export const refreshedSchema = z.object({ accessTokenExpiresAt: z.iso.datetime() });

export const productPageSchema = z.object({ products: z.array(productSchema), page: z.int(), pageCount: z.int(), total: z.int() });
export const productAnswerSchema = z.object({ product: productSchema });

export const categorySchema = categoryRefSchema.extend({ count: z.int().min(0).meta({ description: 'Products on this shelf' }) });
export const categoriesSchema = z.object({ categories: z.array(categorySchema) });

export const orderAnswerSchema = z.object({ order: orderSchema });
export const ordersSchema = z.object({ orders: z.array(orderSchema) });

export const healthSchema = z.object({ status: z.literal('ok') });

/** GET /api/cron/purge: how many rows of each kind went. */
export const purgeReportSchema = z.object({
  revocationsDeleted: z.int(),
  sessionsDeleted: z.int(),
  auditEventsDeleted: z.int(),
  guestCartsDeleted: z.int(),
  oneTimeTokensDeleted: z.int(),
  mailDeleted: z.int(),
  devicesDeleted: z.int(),
  challengesDeleted: z.int(),
});

/** POST /api/learn/verify: the verdict alone (never the token, never a signature). */
export const tamperVerdictSchema = z.object({
  valid: z.boolean(),
  changed: z.boolean(),
  reason: z.string().nullable().meta({ examples: ['signature', 'expired', 'revoked'] }),
  explanation: z.string(),
});

/** GET /.well-known/jwks.json: the public keys (RFC 7517); empty in HS256 mode. */
export const jwksSchema = z.object({ keys: z.array(z.looseObject({ kty: z.string(), kid: z.string().optional() })) });

export type ProductJson = z.output<typeof productSchema>;
export type CartJson = z.output<typeof cartSchema>;
export type OrderJson = z.output<typeof orderSchema>;
export type OrderItemJson = z.output<typeof orderItemSchema>;
export type CategoryJson = z.output<typeof categorySchema>;
export type ProductPageJson = z.output<typeof productPageSchema>;
export type TamperVerdictJson = z.output<typeof tamperVerdictSchema>;
