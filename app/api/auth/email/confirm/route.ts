// POST /api/auth/email/confirm {token}: uses a verification or change-of-address link.
import { assertSameOrigin } from '@/lib/auth/csrf';
import { confirmEmailToken } from '@/lib/auth/email-flows';
import { env } from '@/lib/env';
import { json, readJson, route } from '@/lib/http';
import { confirmEmailSchema } from '@/lib/validation/email';

export const POST = route(async (request) => {
  assertSameOrigin(request, 'login', env().APP_URL);
  const { token } = await readJson(request, confirmEmailSchema);
  const outcome = await confirmEmailToken({ token });
  return json({ ok: true, ...outcome });
});
