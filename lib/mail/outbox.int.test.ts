// The outbox against a real SMTP peer and a real database (SQLite and Postgres projects):
// SMTP down never fails the request and loses nothing; two senders never send one row twice;
// link secrets are encrypted at rest and erased once sent; the last failure marks the row failed.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as signup } from '@/app/api/auth/signup/route';
import { resetRateLimitsForTests } from '@/lib/auth/accounts';
import { db } from '@/lib/db';
import { env, resetEnvForTests } from '@/lib/env';
import type { MailCatcher } from '@/e2e/support/mail-catcher';
import { makeRequest, uniqueEmail } from '@/test/auth-requests';
import { stopMailCatcher, tokenFromLink, useMailCatcher } from '@/test/mail-support';
import { whenAfterResponseIdle } from './after-response';
import { GET as cronOutbox } from '@/app/api/cron/outbox/route';
import { enqueueNewBrowserNotice } from './notices';
import { backoffMs, deliverDueMail, deliverDueMailOnce, enqueueMail, purgeOldMail } from './outbox';
import { smtpTransport } from './transport';

let catcher: MailCatcher;
const ctx = {} as never;

async function signUp(email = uniqueEmail('outbox')) {
  const response = await signup(makeRequest('/api/auth/signup', 'POST', { body: { email, password: 'correct horse battery', name: 'Outbox Tester' } }), ctx);
  return { response, email };
}

async function rowsTo(to: string) {
  return (await db()).outboxMail.findMany({ where: { to }, orderBy: { createdAt: 'asc' } });
}

/** Sends whatever is due now and later (past any backoff). */
const deliverEverything = () => deliverDueMail({ nowMs: Date.now() + backoffMs(50) + 1000 });

beforeAll(async () => {
  catcher = await useMailCatcher();
  // Earlier test files queued mail without SMTP (the development mailbox): send it out of the way.
  await deliverEverything();
});

afterAll(async () => {
  await stopMailCatcher(catcher);
});

beforeEach(() => {
  resetRateLimitsForTests();
});

describe('outbox delivery', () => {
  it('sends right after the response: the sign-up mail arrives with its link, and the secret is erased', async () => {
    const { response, email } = await signUp();
    expect(response.status).toBe(201);
    await whenAfterResponseIdle();
    const mail = await catcher.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toMatch(/Confirm your email address for Tokenshop/);
    expect(mail.html).toContain('Tokenshop');
    expect(mail.links[0]).toMatch(/^http:\/\/localhost:3000\/verify-email\?token=[A-Za-z0-9_-]{43}$/);
    const [row] = await rowsTo(email);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, secret: null, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it('drains a backlog larger than one batch in one run (after an outage, nothing waits for the next trigger)', async () => {
    const to = uniqueEmail('backlog');
    const prisma = await db();
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < 30; i++) await enqueueMail(tx, { to, template: 'password_changed', data: { name: `Backlog ${i}`, at: new Date().toISOString() } });
    });
    const report = await deliverDueMail();
    expect(report.sent).toBeGreaterThanOrEqual(30);
    expect((await rowsTo(to)).every((row) => row.status === 'sent')).toBe(true);
    expect(catcher.to(to)).toHaveLength(30);
  });

  it('keeps the link encrypted at rest until it is sent', async () => {
    await catcher.stop();
    try {
      const { email } = await signUp();
      await whenAfterResponseIdle();
      const [row] = await rowsTo(email);
      expect(row!.status).toBe('pending');
      expect(row!.secret).toMatch(/^v1\./);
      const stored = await (await db()).oneTimeToken.findFirstOrThrow({ where: { user: { email } } });
      // Neither the row nor the token table holds the token itself.
      await catcher.start();
      await deliverEverything();
      const mail = await catcher.waitFor((m) => m.to.includes(email));
      const token = tokenFromLink(mail.links[0]!);
      expect(row!.secret).not.toContain(token);
      expect(row!.payload).not.toContain(token);
      expect(stored.hash).not.toBe(token);
      expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await catcher.start();
    }
  });

  it('SMTP down: the request still succeeds; when SMTP is back the mail arrives exactly once', async () => {
    await catcher.stop();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { response, email } = await signUp();
    expect(response.status).toBe(201);
    await whenAfterResponseIdle();
    let [row] = await rowsTo(email);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    warn.mockRestore();

    await catcher.start();
    // Not due yet: the next run leaves it alone; past the backoff it goes.
    expect((await deliverDueMail()).sent).toBe(0);
    await deliverEverything();
    await catcher.waitFor((m) => m.to.includes(email));
    await deliverEverything();
    await deliverEverything();
    expect(catcher.to(email)).toHaveLength(1);
    [row] = await rowsTo(email);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, secret: null });
  });

  it('two senders at once never send the same row twice', async () => {
    const prisma = await db();
    const to = uniqueEmail('lease');
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < 12; i++) {
        await enqueueMail(tx, { to, template: 'password_changed', data: { name: `Lease ${i}`, at: new Date().toISOString() } });
      }
    });
    // Two independent senders (as on two instances), racing for the same rows.
    const [a, b] = await Promise.all([deliverDueMailOnce({ limit: 50 }), deliverDueMailOnce({ limit: 50 })]);
    await deliverEverything();
    const mails = catcher.to(to);
    expect(mails).toHaveLength(12);
    expect(new Set(mails.map((m) => m.text.match(/Hello (Lease \d+)/)![1])).size).toBe(12);
    expect(a.sent + b.sent).toBeLessThanOrEqual(12);
    const rows = await rowsTo(to);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('a row under another sender\'s lease is left alone until the lease expires (then sent again: at least once)', async () => {
    const prisma = await db();
    const to = uniqueEmail('lease-held');
    await prisma.$transaction((tx) => enqueueMail(tx, { to, template: 'password_changed', data: { name: 'Held', at: new Date().toISOString() } }));
    const row = (await rowsTo(to))[0]!;
    const leaseUntil = new Date(Date.now() + 60_000);
    await prisma.outboxMail.update({ where: { id: row.id }, data: { leaseId: 'another-sender', leaseUntil, attempts: 1 } });
    await deliverDueMailOnce();
    expect(catcher.to(to)).toHaveLength(0);
    // The other sender died: after its lease, someone else sends the row.
    await deliverDueMailOnce({ nowMs: leaseUntil.getTime() + 1000 });
    await catcher.waitFor((m) => m.to.includes(to));
    // The dead sender's late "sent" mark cannot touch the row any more (its lease id is gone).
    const { count } = await prisma.outboxMail.updateMany({ where: { id: row.id, leaseId: 'another-sender' }, data: { status: 'failed' } });
    expect(count).toBe(0);
    expect((await rowsTo(to))[0]!.status).toBe('sent');
  });

  it('each row’s lease runs from when it is claimed, however slow the SMTP server is over the batch', async () => {
    const prisma = await db();
    const to = uniqueEmail('lease-slow');
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < 4; i++) await enqueueMail(tx, { to, template: 'password_changed', data: { name: `Slow ${i}`, at: new Date().toISOString() } });
    });
    const lease = env().MAIL_OUTBOX_LEASE_SECONDS * 1000;
    // A server that takes 400 ms a mail; before each send, how much of the row's lease is left.
    const transport = await smtpTransport();
    const send = transport.sendMail.bind(transport);
    const leftAtSend: number[] = [];
    const slow = vi.spyOn(transport, 'sendMail').mockImplementation((async (mail: { to: string }) => {
      const row = await prisma.outboxMail.findFirst({ where: { to: mail.to, leaseUntil: { not: null } }, orderBy: { leaseUntil: 'desc' } });
      leftAtSend.push(row!.leaseUntil!.getTime() - Date.now());
      await new Promise((resolve) => setTimeout(resolve, 400));
      return send(mail as never);
    }) as never);
    try {
      expect(await deliverDueMailOnce({ limit: 50 })).toMatchObject({ sent: 4 });
    } finally {
      slow.mockRestore();
    }
    // The fourth row was claimed 1.2 s into the batch: its lease is still (nearly) whole.
    expect(leftAtSend).toHaveLength(4);
    for (const left of leftAtSend) expect(left).toBeGreaterThan(lease - 300);
  });

  it('after the last attempt the row is marked failed, its secret erased, and it is logged', async () => {
    process.env.MAIL_OUTBOX_MAX_ATTEMPTS = '2';
    resetEnvForTests();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await catcher.stop();
    try {
      const { email } = await signUp();
      await whenAfterResponseIdle();
      await deliverEverything();
      const [row] = await rowsTo(email);
      expect(row).toMatchObject({ status: 'failed', attempts: 2, secret: null });
      expect(errors.mock.calls.some(([line]) => String(line).includes(`giving up on verify_email mail ${row!.id}`))).toBe(true);
      await catcher.start();
      await deliverEverything();
      expect(catcher.to(email)).toHaveLength(0);
    } finally {
      delete process.env.MAIL_OUTBOX_MAX_ATTEMPTS;
      resetEnvForTests();
      errors.mockRestore();
      warn.mockRestore();
      await catcher.start();
    }
  });

  it('purges mail sent more than 30 days ago, and nothing newer', async () => {
    const prisma = await db();
    const to = uniqueEmail('purge');
    await prisma.outboxMail.createMany({
      data: [
        { to, template: 'password_changed', payload: '{}', status: 'sent', sentAt: new Date(Date.now() - 31 * 86400_000) },
        { to, template: 'password_changed', payload: '{}', status: 'sent', sentAt: new Date(Date.now() - 29 * 86400_000) },
        { to, template: 'password_changed', payload: '{}', status: 'pending', createdAt: new Date(Date.now() - 40 * 86400_000) },
      ],
    });
    expect(await purgeOldMail()).toBeGreaterThanOrEqual(1);
    const left = await rowsTo(to);
    expect(left.map((r) => r.status).sort()).toEqual(['pending', 'sent']);
  });

  it('the new-browser notice names the browser and links to /account', async () => {
    const { response, email } = await signUp();
    const { user } = (await response.json()) as { user: { id: string } };
    const userAgent = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
    await enqueueNewBrowserNotice({ userId: user.id, userAgent, at: new Date('2026-11-30T10:00:00Z') });
    await whenAfterResponseIdle();
    const mail = await catcher.waitFor((m) => m.to.includes(email) && /New sign-in/.test(m.subject));
    expect(mail.subject).toBe('New sign-in to Tokenshop from Firefox on Linux');
    expect(mail.text).toContain('Mon, 30 Nov 2026 10:00:00 GMT');
    expect(mail.links).toContain('http://localhost:3000/account');
    // An unknown user: nothing queued, nothing thrown.
    await expect(enqueueNewBrowserNotice({ userId: 'no-such-user', userAgent, at: new Date() })).resolves.toBeUndefined();
  });

  it('GET /api/cron/outbox: 401 without the scheduler\'s secret, a delivery report with it', async () => {
    process.env.CRON_SECRET = 'cron-secret-for-the-outbox-test';
    resetEnvForTests();
    try {
      expect((await cronOutbox(makeRequest('/api/cron/outbox', 'GET', { origin: null }), ctx)).status).toBe(401);
      expect((await cronOutbox(makeRequest('/api/cron/outbox', 'GET', { origin: null, bearer: 'wrong-secret-of-the-same-size!!' }), ctx)).status).toBe(401);
      const to = uniqueEmail('cron');
      await (await db()).$transaction((tx) => enqueueMail(tx, { to, template: 'password_changed', data: { name: 'Cron', at: new Date().toISOString() } }));
      const response = await cronOutbox(makeRequest('/api/cron/outbox', 'GET', { origin: null, bearer: 'cron-secret-for-the-outbox-test' }), ctx);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { sent: number }).sent).toBeGreaterThanOrEqual(1);
      await catcher.waitFor((m) => m.to.includes(to));
    } finally {
      delete process.env.CRON_SECRET;
      resetEnvForTests();
    }
  });
});
