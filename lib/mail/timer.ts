// Under `next start` (a long-lived server), a timer delivers what after() could not: mail whose
// retry has come due while no request arrived. Unref'd, so it never keeps a process alive.
import 'server-only';
import { env } from '@/lib/env';
import { mailMode } from './config';
import { deliverDueMail } from './outbox';

const globalForTimer = globalThis as unknown as { __outboxTimer?: NodeJS.Timeout };

export function startOutboxTimer(): void {
  if (globalForTimer.__outboxTimer || mailMode() !== 'smtp') return;
  const periodMs = env().MAIL_OUTBOX_INTERVAL_SECONDS * 1000;
  globalForTimer.__outboxTimer = setInterval(() => {
    deliverDueMail().catch((error: unknown) => console.error('[mail] outbox timer run failed:', error));
  }, periodMs);
  globalForTimer.__outboxTimer.unref();
}
