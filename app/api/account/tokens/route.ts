// GET /api/account/tokens: personal API tokens · POST {name,scopes,expiresInDays}: 201 with the
// token string, shown this once. A sign-in token only (no scope: personal API tokens get 403), and a
// recent one (step-up): a stolen cookie that still refreshes must not mint a year-long token.
import { createApiToken, listApiTokens } from '@/lib/auth/api-tokens';
import { handler } from '@/lib/auth/guards';
import { json, readJson } from '@/lib/http';
import { accountTokenSchema } from '@/lib/validation/email';
import type { z } from '@/lib/validation/zod';
import type { apiTokensSchema, createdApiTokenSchema } from '@/lib/validation/account-responses';

export const GET = handler({ auth: 'required' }, async (_request, { session }) => {
  return json({ tokens: await listApiTokens({ userId: session.user.id }) } satisfies z.output<typeof apiTokensSchema>);
});

export const POST = handler({ auth: 'required', fresh: true }, async (request, { session }) => {
  const input = await readJson(request, accountTokenSchema);
  const { token, apiToken } = await createApiToken({ userId: session.user.id, name: input.name, scopes: input.scopes, ttlDays: input.expiresInDays });
  return json({ token, apiToken } satisfies z.output<typeof createdApiTokenSchema>, { status: 201 });
});
