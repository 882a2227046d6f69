// Deleting an account: everything personal goes, orders stay for accounting without the person.
//
// One transaction: the account's orders lose their userId and email, queued mail to the address
// is dropped, then the user row goes and the database cascades to everything that hangs off it
// (sign-ins, revocations, known browsers, provider links, one-time links, passkeys, the TOTP
// factor, recovery codes, pending challenges, API tokens, the cart, the audit trail). Every token
// dies with the row: the data access layer finds no user for its `sub`. The throttle counters of
// the account (RateLimit rows or Redis keys) are forgotten too. The address is free to sign up
// again (as a new user with a new id, which no old token names).
import 'server-only';
import { db } from '@/lib/db';
import { durable } from '@/lib/db/durable';
import { AppError, unauthorized } from '@/lib/errors';
import { normaliseEmail } from '@/lib/validation/auth';
import { forgetAccountCounters } from './accounts';

export const emailMismatch = () =>
  new AppError(400, 'email_mismatch', 'Type your email address exactly as shown to confirm.', { email: ['This is not your email address.'] });

export async function deleteAccount(input: { userId: string; typedEmail: string }): Promise<{ ordersKept: number }> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { email: true } });
  if (!user) throw unauthorized();
  if (normaliseEmail(input.typedEmail) !== user.email) throw emailMismatch();
  // What names the account's throttle counters, read before the rows go.
  const [sessions, devices] = await Promise.all([
    prisma.session.findMany({ where: { userId: input.userId }, select: { id: true, ipAddress: true } }),
    prisma.device.findMany({ where: { userId: input.userId }, select: { browserId: true } }),
  ]);
  const ordersKept = await durable(async (tx) => {
    const { count } = await tx.order.updateMany({ where: { userId: input.userId }, data: { userId: null, email: null } });
    // Mail not yet sent to the address (a link, a notice) is no longer wanted; sent rows keep no secret.
    await tx.outboxMail.deleteMany({ where: { to: user.email, status: { not: 'sent' } } });
    // Deleted at most once: the same request twice at once (a double submit, two tabs) finds the
    // row gone and is refused as signed out, its own writes rolled back, never a 500.
    const { count: deleted } = await tx.user.deleteMany({ where: { id: input.userId } });
    if (deleted === 0) throw unauthorized();
    return count;
  });
  await forgetAccountCounters({
    email: user.email,
    userId: input.userId,
    addresses: [...new Set(sessions.map((s) => s.ipAddress).filter((a): a is string => a !== null))],
    browserIds: devices.map((d) => d.browserId),
    sids: sessions.map((s) => s.id),
  });
  return { ordersKept };
}
