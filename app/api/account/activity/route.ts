// GET /api/account/activity?cursor=: the audit trail, newest first, 20 a page.
import { listActivity, requireAccountSession } from '@/lib/auth/account-api';
import { json, route } from '@/lib/http';
import { activityQuerySchema } from '@/lib/validation/email';
import { badRequest } from '@/lib/errors';
import { fieldErrors } from '@/lib/http';

export const GET = route(async (request) => {
  const session = await requireAccountSession(request, { write: false });
  const parsed = activityQuerySchema.safeParse({ cursor: new URL(request.url).searchParams.get('cursor') ?? undefined });
  if (!parsed.success) throw badRequest('Some parameters are invalid.', fieldErrors(parsed.error));
  return json(await listActivity({ userId: session.user.id, cursor: parsed.data.cursor }));
});
