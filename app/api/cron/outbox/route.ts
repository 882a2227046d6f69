// GET /api/cron/outbox: sends every outbox mail whose (re)try is due. The safety net behind
// after() and the in-process timer: on Vercel Hobby it runs daily (vercel.json). Several runs at
// once are safe: each row is claimed with a lease before it is sent.
import { json, route } from '@/lib/http';
import { assertCronRequest } from '@/lib/mail/cron-auth';
import { deliverDueMail } from '@/lib/mail/outbox';

export const GET = route(async (request) => {
  assertCronRequest(request);
  const report = await deliverDueMail();
  return json(report);
});
