// GET /api/cron/outbox: sends every outbox mail whose (re)try is due. The safety net behind
// after() and the in-process timer: on Vercel Hobby it runs daily (vercel.json). Several runs at
// once are safe: each row is claimed with a lease before it is sent.
import { handler } from '@/lib/auth/guards';
import { assertCronRequest } from '@/lib/cron-auth';
import { json } from '@/lib/http';
import { deliverDueMail } from '@/lib/mail/outbox';
import type { z } from '@/lib/validation/zod';
import type { deliveryReportSchema } from '@/lib/validation/account-responses';

/** No session: the scheduler authenticates with its own bearer secret (lib/cron-auth.ts). */
export const GET = handler({ auth: 'none' }, async (request) => {
  assertCronRequest(request);
  const report = await deliverDueMail();
  return json(report satisfies z.output<typeof deliveryReportSchema>);
});
