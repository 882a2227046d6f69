// Mails that tell the owner something happened to their account or order. Each is queued in the
// outbox (in the caller's transaction where there is one) and sent after the response.
import 'server-only';
import { describeUserAgent } from '@/lib/auth/http';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/sqlite/client';
import { deliverSoon, enqueueMail } from './outbox';
import type { OrderLine } from './templates';

type Tx = Prisma.TransactionClient;

/** "Your password was changed": inside the transaction that changes it. */
export async function enqueuePasswordChangedNotice(tx: Tx, input: { to: string; name: string; at: Date; removed?: string[] }): Promise<void> {
  const removed = input.removed?.length ? { removed: input.removed } : {};
  await enqueueMail(tx, { to: input.to, template: 'password_changed', data: { name: input.name, at: input.at.toISOString(), ...removed } });
}

/** The order confirmation: inside the checkout transaction, so no order goes unconfirmed. */
export async function enqueueOrderConfirmation(
  tx: Tx,
  input: { to: string; name: string; orderId: string; items: OrderLine[]; totalCents: number },
): Promise<void> {
  await enqueueMail(tx, {
    to: input.to,
    template: 'order_confirmation',
    data: {
      name: input.name,
      orderId: input.orderId,
      items: input.items.map(({ name, unitPriceCents, quantity }) => ({ name, unitPriceCents, quantity })),
      totalCents: input.totalCents,
    },
  });
}

/**
 * "New sign-in from <browser>": for the first sign-in to an account from a browser it has never
 * seen (the caller knows that from the known-browser cookie). Its own transaction; sent after
 * the response.
 */
export async function enqueueNewBrowserNotice(input: { userId: string; userAgent: string; at: Date }): Promise<void> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true, name: true } });
    if (!user) return;
    await enqueueMail(tx, {
      to: user.email,
      template: 'new_browser',
      data: { name: user.name, browser: describeUserAgent(input.userAgent), at: input.at.toISOString() },
    });
  });
  deliverSoon();
}
