// Deleting an account: everything personal goes, orders stay for accounting without the person.
//
// One transaction: the account's orders lose their userId and email, then the user row goes and
// the database cascades to everything that hangs off it (sessions, revocations, passkeys, the
// TOTP factor, recovery codes, pending challenges, API tokens, the cart, the audit trail). Every
// token dies with the row: the data access layer finds no user for its `sub`. Throttle counters
// kept outside the database are forgotten too. The address is free to sign up again (as a new
// user with a new id, which no old token names).
import 'server-only';
import { db } from '@/lib/db';
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
  const ordersKept = await prisma.$transaction(async (tx) => {
    const { count } = await tx.order.updateMany({ where: { userId: input.userId }, data: { userId: null, email: null } });
    await tx.user.delete({ where: { id: input.userId } });
    return count;
  });
  await forgetAccountCounters(user.email);
  return { ordersKept };
}
