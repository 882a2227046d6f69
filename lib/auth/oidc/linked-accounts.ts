// The provider identities linked to a user, for /account and /api/account/providers, and
// "Disconnect", which is refused when it would leave the account with no way to sign in. That
// rule (lockSignInMethods, assertAnotherWayIn) is shared with removing a passkey (../passkeys.ts).
import 'server-only';
import { recordAuditEvent } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/sqlite/client';
import type { RequestMeta } from '../http';
import { configuredProviders, findProvider, providerForAccount } from './providers';
import type { SignInProvider } from './providers/types';
import type { LinkedProviderJson } from '@/lib/validation/account-responses';

/** A linked provider as GET /api/account/providers answers it (its schema is in the OpenAPI document). */
export type LinkedProviderView = LinkedProviderJson;

type Tx = Prisma.TransactionClient;

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

/**
 * The linked providers that can confirm a recent sign-in (an OpenID provider's auth_time; GitHub
 * cannot): how an account without a password steps up.
 */
export function reauthProviders(linked: LinkedProviderView[]): SignInProvider[] {
  return linked.flatMap((l) => {
    const provider = l.key ? findProvider(l.key) : null;
    return provider?.supportsReauth ? [provider] : [];
  });
}

export const lastSignInMethod = () =>
  new AppError(409, 'last_sign_in_method', 'This is the only way to sign in to your account. Set a password, add a passkey or connect another provider first.');

/** The ways into an account, as the removal of one of them reads them (see lockSignInMethods). */
export interface SignInMethods {
  hasPassword: boolean;
  accounts: { id: string; provider: string }[];
  passkeys: { credentialId: string; name: string }[];
}

/**
 * Locks the user's row for the rest of the transaction, then reads its ways to sign in (null: no
 * such user). Every removal of a way in (a provider disconnected, a passkey removed) takes this
 * lock first, so two removals at once, of either kind, cannot both see "another way remains".
 */
export async function lockSignInMethods(tx: Tx, userId: string): Promise<SignInMethods | null> {
  await tx.$executeRaw`UPDATE "User" SET "name" = "name" WHERE "id" = ${userId}`;
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { passwordHash: true, accounts: { select: { id: true, provider: true } }, passkeys: { select: { credentialId: true, name: true } } },
  });
  return user && { hasPassword: user.passwordHash !== null, accounts: user.accounts, passkeys: user.passkeys };
}

/**
 * Refuses (409 last_sign_in_method) when, without the method being removed, no way in would
 * remain: a password, a passkey, or a provider this deployment still offers. A stored row of a
 * provider it no longer offers (OIDC_ISSUER since pointed elsewhere, GitHub not configured) signs
 * nobody in, so it does not count.
 */
export function assertAnotherWayIn(methods: SignInMethods, removing: { accountId: string } | { passkeyId: string }): void {
  const providers = methods.accounts.filter((a) => !('accountId' in removing && a.id === removing.accountId) && providerForAccount(a.provider) !== null);
  const passkeys = methods.passkeys.filter((p) => !('passkeyId' in removing && p.credentialId === removing.passkeyId));
  if (!methods.hasPassword && providers.length === 0 && passkeys.length === 0) throw lastSignInMethod();
}

/**
 * Disconnects a provider. `provider` is the stored value (issuer URL or "github") or a configured
 * provider's key. Refused when it would leave the account with no way to sign in (the user's row
 * is locked first: see lockSignInMethods).
 */
export async function unlinkProvider(input: { userId: string; provider: string; meta: RequestMeta | null }): Promise<void> {
  const stored = configuredProviders().find((p) => p.key === input.provider)?.accountProvider ?? input.provider;
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const methods = await lockSignInMethods(tx, input.userId);
    const account = methods?.accounts.find((a) => a.provider === stored);
    if (!methods || !account) throw notFound('No such provider is connected to your account.');
    assertAnotherWayIn(methods, { accountId: account.id });
    await tx.account.delete({ where: { id: account.id } });
  });
  const label = providerForAccount(stored)?.label ?? stored;
  await recordAuditEvent({ userId: input.userId, type: 'provider_unlinked', detail: label }, input.meta);
}
