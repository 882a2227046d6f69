// GET /api/account/tokens: personal API tokens · POST {name,scopes,expiresInDays}: 201 with the
// token string, shown this once.
import { requireAccountSession } from '@/lib/auth/account-api';
import { createApiToken, listApiTokens } from '@/lib/auth/api-tokens';
import { json, readJson, route } from '@/lib/http';
import { accountTokenSchema } from '@/lib/validation/email';

export const GET = route(async (request) => {
  const session = await requireAccountSession(request, { write: false });
  return json({ tokens: await listApiTokens({ userId: session.user.id }) });
});

export const POST = route(async (request) => {
  const session = await requireAccountSession(request, { write: true });
  const input = await readJson(request, accountTokenSchema);
  const { token, apiToken } = await createApiToken({ userId: session.user.id, name: input.name, scopes: input.scopes, ttlDays: input.expiresInDays });
  return json({ token, apiToken }, { status: 201 });
});
