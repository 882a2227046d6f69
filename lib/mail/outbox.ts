// The outbox: every mail is a row, written in the same transaction as the change that causes it
// (so a mail is never lost, and never sent for a change that rolled back), and sent afterwards.
//
// Delivery (deliverDueMail) runs right after the response (deliverSoon → after()), on a timer
// under `next start` (lib/mail/timer.ts) and from GET /api/cron/outbox. Each run also picks up
// every earlier row whose retry is due, so the next send retries the failures.
//
// Several senders (instances, the timer, the cron) never send one row at once: a sender claims a
// row with a conditional update that only succeeds while nobody else holds an unexpired lease,
// and marks it with its own lease id only. A sender that dies after sending and before marking
// leaves a lease that expires, and the row is sent again: delivery is at least once, never zero.
// Failures back off exponentially (MAIL_OUTBOX_BACKOFF_SECONDS, doubling); after
// MAIL_OUTBOX_MAX_ATTEMPTS the row is marked failed and logged. Sent mail is purged after 30 days.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/sqlite/client';
import { afterResponse } from './after-response';
import { mailBaseUrl, mailMode, SHOP_NAME } from './config';
import { openSecret, sealSecret } from './secret-box';
import { isTemplateName, renderMail, type RenderedMail, type TemplateData, type TemplateName } from './templates';
import { smtpTransport } from './transport';
import type { DeliveryReportJson } from '@/lib/validation/account-responses';

type Tx = Prisma.TransactionClient;

export const SENT_MAIL_RETENTION_DAYS = 30;

export interface MailToQueue<T extends TemplateName> {
  to: string;
  template: T;
  data: TemplateData[T];
  /** A link's one-time token: stored encrypted, erased once sent. */
  secret?: string;
}

/**
 * Writes one mail into the outbox inside the caller's transaction. Does nothing when mail is
 * disabled. Call deliverSoon() once the transaction has committed.
 */
export async function enqueueMail<T extends TemplateName>(tx: Tx, mail: MailToQueue<T>, nowMs = Date.now()): Promise<void> {
  if (mailMode() === 'disabled') return;
  await tx.outboxMail.create({
    data: {
      to: mail.to,
      template: mail.template,
      payload: JSON.stringify(mail.data),
      secret: mail.secret ? sealSecret(mail.secret) : null,
      nextAttemptAt: new Date(nowMs),
      createdAt: new Date(nowMs),
    },
  });
}

/** Sends what is due once the response has gone out (never delays or fails the request). */
export function deliverSoon(): void {
  if (mailMode() !== 'smtp') return;
  afterResponse(() => deliverDueMail());
}

/** What a run did (GET /api/cron/outbox answers it; its schema is in the OpenAPI document). */
export type DeliveryReport = DeliveryReportJson;

function render(row: { template: string; payload: string; secret: string | null }): RenderedMail {
  if (!isTemplateName(row.template)) throw new Error(`unknown mail template ${row.template}`);
  const secret = row.secret === null ? null : openSecret(row.secret);
  if (row.secret !== null && secret === null) throw new Error('the link token cannot be decrypted (AUTH_SECRET changed?)');
  return renderMail(row.template, JSON.parse(row.payload) as never, { shopName: SHOP_NAME, baseUrl: mailBaseUrl(), secret });
}

/** Delay before the attempt after `attempts` failed ones: base, 2×base, 4×base… capped at 6 h. */
export function backoffMs(attempts: number, baseSeconds = env().MAIL_OUTBOX_BACKOFF_SECONDS): number {
  return Math.min(baseSeconds * 1000 * 2 ** Math.max(0, attempts - 1), 6 * 3600 * 1000);
}

async function claim(id: string, leaseId: string, nowMs: number): Promise<boolean> {
  const prisma = await db();
  const now = new Date(nowMs);
  const { count } = await prisma.outboxMail.updateMany({
    where: { id, status: 'pending', nextAttemptAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseId, leaseUntil: new Date(nowMs + env().MAIL_OUTBOX_LEASE_SECONDS * 1000), attempts: { increment: 1 } },
  });
  return count === 1;
}

async function sendOne(row: { id: string; to: string; template: string; payload: string; secret: string | null; attempts: number }, nowMs: number): Promise<keyof DeliveryReport | null> {
  const leaseId = randomUUID();
  if (!(await claim(row.id, leaseId, nowMs))) return null;
  const attempts = row.attempts + 1;
  const prisma = await db();
  try {
    const mail = render(row);
    await (await smtpTransport()).sendMail({ from: env().MAIL_FROM, to: row.to, subject: mail.subject, text: mail.text, html: mail.html });
    await prisma.outboxMail.updateMany({
      where: { id: row.id, leaseId },
      data: { status: 'sent', sentAt: new Date(), secret: null, leaseId: null, leaseUntil: null, lastError: null },
    });
    return 'sent';
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const last = attempts >= env().MAIL_OUTBOX_MAX_ATTEMPTS;
    await prisma.outboxMail.updateMany({
      where: { id: row.id, leaseId },
      data: last
        ? { status: 'failed', secret: null, leaseId: null, leaseUntil: null, lastError: message }
        : { nextAttemptAt: new Date(Date.now() + backoffMs(attempts)), leaseId: null, leaseUntil: null, lastError: message },
    });
    if (last) console.error(`[mail] giving up on ${row.template} mail ${row.id} after ${attempts} attempts: ${message}`);
    else console.warn(`[mail] ${row.template} mail ${row.id} failed (attempt ${attempts}), will retry: ${message}`);
    return last ? 'failed' : 'retrying';
  }
}

/** Sends every due row once (up to `limit`), claiming each with a lease. */
export async function deliverDueMailOnce({ nowMs = Date.now(), limit = 25 } = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  if (mailMode() !== 'smtp') return report;
  const prisma = await db();
  const now = new Date(nowMs);
  const due = await prisma.outboxMail.findMany({
    where: { status: 'pending', nextAttemptAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    orderBy: { nextAttemptAt: 'asc' },
    take: limit,
    select: { id: true, to: true, template: true, payload: true, secret: true, attempts: true },
  });
  const startedAt = Date.now();
  for (const row of due) {
    // Each lease runs from when its row is claimed, not from when the batch began: a slow SMTP
    // server can take minutes over a batch, and a lease already over when taken lets another
    // sender send the same row again.
    const outcome = await sendOne(row, nowMs + (Date.now() - startedAt));
    if (outcome) report[outcome]++;
  }
  return report;
}

// One delivery loop per process: a request that arrives while a run is going asks it to go round
// once more instead of starting a second run beside it.
const globalForOutbox = globalThis as unknown as { __outboxRun?: Promise<DeliveryReport>; __outboxAgain?: boolean };

/** Rows one pass claims; a full pass means a backlog (after an SMTP outage), so the run goes on. */
const BATCH = 25;

/**
 * Runs deliverDueMailOnce until the backlog is drained and nothing more was asked for; concurrent
 * callers share the run.
 */
export function deliverDueMail(options: { nowMs?: number } = {}): Promise<DeliveryReport> {
  if (globalForOutbox.__outboxRun) {
    globalForOutbox.__outboxAgain = true;
    return globalForOutbox.__outboxRun;
  }
  const run = (async () => {
    const total: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
    let full: boolean;
    do {
      globalForOutbox.__outboxAgain = false;
      const report = await deliverDueMailOnce({ ...options, limit: BATCH });
      total.sent += report.sent;
      total.retrying += report.retrying;
      total.failed += report.failed;
      full = report.sent + report.retrying + report.failed >= BATCH;
    } while (globalForOutbox.__outboxAgain || full);
    return total;
  })().finally(() => {
    globalForOutbox.__outboxRun = undefined;
  });
  globalForOutbox.__outboxRun = run;
  return run;
}

/** Deletes mail sent (or given up on) more than 30 days ago. */
export async function purgeOldMail(nowMs = Date.now()): Promise<number> {
  const prisma = await db();
  const before = new Date(nowMs - SENT_MAIL_RETENTION_DAYS * 24 * 3600 * 1000);
  const { count } = await prisma.outboxMail.deleteMany({
    where: { OR: [{ status: 'sent', sentAt: { lt: before } }, { status: 'failed', createdAt: { lt: before } }] },
  });
  return count;
}

export interface MailboxEntry {
  id: string;
  to: string;
  status: string;
  createdAt: string;
  subject: string;
  text: string;
  links: string[];
}

/** The newest outbox mails, rendered (for /dev/mailbox in development). */
export async function listMailbox(limit = 50): Promise<MailboxEntry[]> {
  const prisma = await db();
  const rows = await prisma.outboxMail.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
  return rows.map((row) => {
    let mail: RenderedMail;
    try {
      mail = render(row);
    } catch (error) {
      mail = { subject: `(${row.template}: cannot be shown: ${(error as Error).message})`, text: '', html: '' };
    }
    return {
      id: row.id,
      to: row.to,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      subject: mail.subject,
      text: mail.text,
      links: [...mail.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0].replace(/[.,;:!?)]+$/, '')),
    };
  });
}
