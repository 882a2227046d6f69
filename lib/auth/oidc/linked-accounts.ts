// The provider identities linked to a user, for /account and /api/account/providers, and
// "Disconnect", which is refused when it would leave the account with no way to sign in.
import 'server-only';
import { recordAuditEvent } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import type { RequestMeta } from '../http';
import { configuredProviders, providerForAccount } from './providers';
import type { LinkedProviderJson } from '@/lib/validation/account-responses';

/** A linked provider as GET /api/account/providers answers it (its schema is in the OpenAPI document). */
export type LinkedProviderView = LinkedProviderJson;

export async function listLinkedProviders({ userId }: { userId: string }): Promise<LinkedProviderView[]> {
  const prisma = await db();
  const rows = await prisma.account.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => {
    const configured = providerForAccount(row.provider);
    return {
      provider: row.provider,
      key: configured?.key ?? null,
      label: configured?.label ?? row.provider,
      email: row.email,
      linkedAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    };
  });
}

export const lastSignInMethod = () =>
  new AppError(409, 'last_sign_in_method', 'This is the only way to sign in to your account. Set a password, add a passkey or connect another provider first.');

/**
 * Disconnects a provider. `provider` is the stored value (issuer URL or "github") or a configured
 * provider's key. The user's row is locked first, so two disconnects at once cannot both pass
 * the "another way to sign in remains" check.
 */
export async function unlinkProvider(input: { userId: string; provider: string; meta: RequestMeta | null }): Promise<void> {
  const stored = configuredProviders().find((p) => p.key === input.provider)?.accountProvider ?? input.provider;
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE "User" SET "name" = "name" WHERE "id" = ${input.userId}`;
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { passwordHash: true, accounts: { select: { id: true, provider: true } }, _count: { select: { passkeys: true } } },
    });
    const account = user?.accounts.find((a) => a.provider === stored);
    if (!user || !account) throw notFound('No such provider is connected to your account.');
    const othersLeft = user.accounts.length - 1;
    // A password, another provider or a passkey is a way back in; without one, refuse.
    if (!user.passwordHash && othersLeft === 0 && user._count.passkeys === 0) throw lastSignInMethod();
    await tx.account.delete({ where: { id: account.id } });
  });
  const label = providerForAccount(stored)?.label ?? stored;
  await recordAuditEvent({ userId: input.userId, type: 'provider_unlinked', detail: label }, input.meta);
}
