// The response schemas describe what the routes really answer (the OpenAPI document is generated
// from them): real answers parse to themselves, so no field is missing, extra or of another type.
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { GET as activityRoute } from '@/app/api/account/activity/route';
import { GET as passkeysRoute } from '@/app/api/account/passkeys/route';
import { POST as passkeyOptionsRoute } from '@/app/api/account/passkeys/options/route';
import { GET as providersRoute } from '@/app/api/account/providers/route';
import { GET as sessionsRoute } from '@/app/api/account/sessions/route';
import { GET as tokensRoute } from '@/app/api/account/tokens/route';
import { POST as tokenEndpoint } from '@/app/api/auth/token/route';
import { GET as categoriesRoute } from '@/app/api/categories/route';
import { POST as addItemRoute } from '@/app/api/cart/items/route';
import { POST as checkoutRoute } from '@/app/api/checkout/route';
import { GET as ordersRoute } from '@/app/api/orders/route';
import { GET as productsRoute } from '@/app/api/products/route';
import { z } from '@/lib/validation/zod';
import { accessCookie, authCookies, tokensFrom, uniqueEmail } from '@/test/auth-requests';
import { api, NO_CONTEXT, route, signedUp, TEST_PASSWORD } from '@/test/auth-routes';
import { createProduct } from '@/test/shop-data';
import {
  activitySchema,
  apiTokensSchema,
  createdApiTokenSchema,
  passwordChangedSchema,
  providersSchema,
  sessionsSchema,
} from './account-responses';
import { oauthErrorSchema, tokenResponseSchema } from './oauth';
import { cartSchema, categoriesSchema, errorSchema, meSchema, orderSchema, productSchema, refreshedSchema, secondStepRequiredSchema, userSchema } from './responses';
import { passkeysSchema, reauthAnswerSchema, recoveryCodesSchema, totpOffSchema, totpOnSchema, totpSecretSchema, webauthnOptionsSchema } from './strong-sign-in-responses';

/** zod drops unknown keys when it parses: an answer equal to its parse has exactly the schema's fields. */
function expectShape<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.parse(body);
  expect(parsed).toEqual(body);
  return parsed;
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

  it('the account API: me, categories, sign-ins, API tokens, providers, activity, passkeys', async () => {
    const { tokens } = await signedUp();
    const cookie = accessCookie(tokens);
    const get = (handler: Parameters<typeof route>[0], path: string) => route(handler, path, 'GET')({ cookie });

    expectShape(meSchema, await (await api.me({ cookie })).json());
    await createProduct({ stock: 1 });
    expectShape(categoriesSchema, await (await route(categoriesRoute, '/api/categories', 'GET')()).json());
    expectShape(sessionsSchema, await (await get(sessionsRoute, '/api/account/sessions')).json());

    const created = await api.createToken({ cookie, body: { name: 'shape', scopes: ['orders:read'], expiresInDays: 7 } });
    expect(created.status).toBe(201);
    expectShape(createdApiTokenSchema, await created.json());
    expectShape(apiTokensSchema, await (await get(tokensRoute, '/api/account/tokens')).json());
    expectShape(providersSchema, await (await get(providersRoute, '/api/account/providers')).json());
    expectShape(activitySchema, await (await get(activityRoute, '/api/account/activity')).json());

    expectShape(passkeysSchema, await (await get(passkeysRoute, '/api/account/passkeys')).json());
    const options = await route(passkeyOptionsRoute, '/api/account/passkeys/options')({ cookie });
    expect(options.status).toBe(200);
    expectShape(webauthnOptionsSchema, await options.json());
  });

  it('two-step sign-in: on, the password step, new recovery codes, off', async () => {
    const { email, tokens } = await signedUp();
    const cookie = accessCookie(tokens);
    const start = await api.totpStart({ cookie });
    expect(start.status).toBe(200);
    const { secret } = expectShape(totpSecretSchema, await start.json());
    const code = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
    const on = await api.totpConfirm({ cookie, body: { code } });
    expect(on.status).toBe(200);
    expectShape(totpOnSchema, await on.json());
    expectShape(secondStepRequiredSchema, await (await api.login({ body: { email, password: TEST_PASSWORD } })).json());
    expectShape(recoveryCodesSchema, await (await api.recoveryCodes({ cookie })).json());
    const off = await api.totpOff({ cookie });
    expect(off.status).toBe(200);
    expectShape(totpOffSchema, await off.json());
  });

  it('step-up with a Bearer token, refresh, the token endpoint and a password change', async () => {
    const { email, tokens } = await signedUp();
    const reauth = await api.reauth({ bearer: tokens.access, origin: null, body: { password: TEST_PASSWORD } });
    expect(reauth.status).toBe(200);
    const renewed = expectShape(reauthAnswerSchema, await reauth.json());
    expect(renewed.access_token).toBeTypeOf('string');

    const refreshed = await api.refresh({ cookie: authCookies(tokensFrom(await api.login({ body: { email, password: TEST_PASSWORD } }))) });
    expect(refreshed.status).toBe(200);
    expectShape(refreshedSchema, await refreshed.json());

    const tokenRequest = (form: Record<string, string>) =>
      tokenEndpoint(
        new Request('http://localhost:3000/api/auth/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) }),
        NO_CONTEXT,
      );
    const granted = await tokenRequest({ grant_type: 'password', username: email, password: TEST_PASSWORD });
    expect(granted.status).toBe(200);
    expectShape(tokenResponseSchema, await granted.json());
    const refused = await tokenRequest({ grant_type: 'password', username: email, password: 'not the password' });
    expect(refused.status).toBe(400);
    expectShape(oauthErrorSchema, await refused.json());

    const changed = await api.changePassword({ bearer: renewed.access_token!, origin: null, body: { currentPassword: TEST_PASSWORD, newPassword: 'another horse battery' } });
    expect(changed.status).toBe(200);
    expectShape(passwordChangedSchema, await changed.json());
  });
});
