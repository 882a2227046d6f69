// GET /api/account/activity?cursor=: the audit trail, newest first, 20 a page.
import { listActivity } from '@/lib/auth/account-api';
import { handler } from '@/lib/auth/guards';
import { badRequest } from '@/lib/errors';
import { fieldErrors, json } from '@/lib/http';
import { activityQuerySchema } from '@/lib/validation/email';
import type { z } from '@/lib/validation/zod';
import type { activitySchema } from '@/lib/validation/account-responses';

/** A sign-in token only (no scope: personal API tokens get 403). */
export const GET = handler({ auth: 'required' }, async (request, { session }) => {
  const parsed = activityQuerySchema.safeParse({ cursor: new URL(request.url).searchParams.get('cursor') ?? undefined });
  if (!parsed.success) throw badRequest('Some parameters are invalid.', fieldErrors(parsed.error));
  return json((await listActivity({ userId: session.user.id, cursor: parsed.data.cursor })) satisfies z.output<typeof activitySchema>);
});
