// The response schemas describe what the routes really answer (the OpenAPI document is generated
// from them): real answers parse to themselves, so no field is missing, extra or of another type.
import { describe, expect, it } from 'vitest';
import { POST as addItemRoute } from '@/app/api/cart/items/route';
import { POST as checkoutRoute } from '@/app/api/checkout/route';
import { GET as ordersRoute } from '@/app/api/orders/route';
import { GET as productsRoute } from '@/app/api/products/route';
import { z } from '@/lib/validation/zod';
import { accessCookie, uniqueEmail } from '@/test/auth-requests';
import { api, route, signedUp, TEST_PASSWORD } from '@/test/auth-routes';
import { createProduct } from '@/test/shop-data';
import { cartSchema, errorSchema, orderSchema, productSchema, userSchema } from './responses';

/** zod drops unknown keys when it parses: an answer equal to its parse has exactly the schema's fields. */
function expectShape(schema: z.ZodType, body: unknown) {
  expect(schema.parse(body)).toEqual(body);
}

describe('JSON answers match their response schemas', () => {
  it('sign-up (User), the catalogue (Product), the cart (Cart), checkout and orders (Order), a refusal (Error)', async () => {
    const signUp = await api.signup({ body: { email: uniqueEmail('shape'), password: TEST_PASSWORD, name: 'Shape' } });
    expectShape(z.object({ user: userSchema }), await signUp.json());

    const catalogue = await route(productsRoute, '/api/products', 'GET')();
    expectShape(z.object({ products: z.array(productSchema), page: z.int(), pageCount: z.int(), total: z.int() }), await catalogue.json());

    const { tokens } = await signedUp();
    const cookie = accessCookie(tokens);
    const product = await createProduct({ stock: 5 });
    const added = await route(addItemRoute, '/api/cart/items')({ cookie, body: { productId: product.id, quantity: 2 } });
    expect(added.status).toBe(200);
    expectShape(cartSchema, await added.json());

    const placed = await route(checkoutRoute, '/api/checkout')({ cookie });
    expect(placed.status).toBe(201);
    expectShape(z.object({ order: orderSchema }), await placed.json());
    expectShape(z.object({ orders: z.array(orderSchema) }), await (await route(ordersRoute, '/api/orders', 'GET')({ cookie })).json());

    const refused = await route(addItemRoute, '/api/cart/items')({ cookie, body: { productId: product.id, quantity: 0 } });
    expect(refused.status).toBe(400);
    expectShape(errorSchema, await refused.json());
  });
});
