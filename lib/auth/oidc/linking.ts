// Who a provider identity is here: the linking rules that stop pre-account takeover.
//   1. A known (provider, subject) signs in to its account.
//   2. Else an account with the same address is linked only when BOTH the provider and this app
//      have verified that address; otherwise the person is told to sign in with the password
//      and connect the provider from /account.
//   3. Else a new account is created, without a password (one can be set later).
// An address the provider has not verified never creates or finds an account.
import 'server-only';
import { recordAuditEvent, type AuditEventType } from '@/lib/audit';
import { db } from '@/lib/db';
import { isUniqueViolation } from '@/lib/db/errors';
import { normaliseEmail } from '@/lib/validation/auth';
import type { RequestMeta } from '../http';
import { isEmailVerified } from './email-verified';
import { OidcFlowError } from './messages';
import type { ProviderIdentity, SignInProvider } from './providers';

export interface ResolvedUser {
  userId: string;
  /** How the account was found, for the audit trail. */
  how: 'known' | 'linked_by_email' | 'created';
}

const NAME_MAX = 100;

function providerEmail(identity: ProviderIdentity): string | null {
  if (!identity.email || !identity.emailVerified) return null;
  const email = normaliseEmail(identity.email);
  return email.length <= 254 && email.includes('@') ? email : null;
}

function displayName(identity: ProviderIdentity, email: string): string {
  const name = (identity.name ?? '').normalize('NFKC').trim();
  return (name || email.split('@')[0] || 'New customer').slice(0, NAME_MAX);
}

async function audit(userId: string, type: AuditEventType, detail: string, meta: RequestMeta) {
  await recordAuditEvent({ userId, type, detail }, meta);
}

/** Rules 1–3 for a sign-in (nobody signed in). Throws OidcFlowError for each refusal. */
export async function resolveSignIn(provider: SignInProvider, identity: ProviderIdentity, meta: RequestMeta): Promise<ResolvedUser> {
  const prisma = await db();
  const known = await prisma.account.findUnique({
    where: { provider_subject: { provider: provider.accountProvider, subject: identity.subject } },
    select: { id: true, userId: true },
  });
  if (known) {
    await prisma.account.update({ where: { id: known.id }, data: { lastUsedAt: new Date() } });
    return { userId: known.userId, how: 'known' };
  }

  const email = providerEmail(identity);
  if (!email) throw new OidcFlowError('email_unverified');

  const existing = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, emailVerifiedAt: true, accounts: { select: { email: true, provider: true } } },
  });
  if (existing) {
    if (!isEmailVerified(existing)) throw new OidcFlowError('link_required');
    if (existing.accounts.some((a) => a.provider === provider.accountProvider)) throw new OidcFlowError('provider_already_linked');
    await createLink({ userId: existing.id, provider, identity, email });
    await audit(existing.id, 'provider_linked', `${provider.label} (by verified address)`, meta);
    return { userId: existing.id, how: 'linked_by_email' };
  }

  try {
    const user = await prisma.user.create({
      data: {
        email,
        name: displayName(identity, email),
        passwordHash: null,
        // The provider verified the address (providerEmail refuses one it has not).
        emailVerifiedAt: new Date(),
        tokensValidAfter: new Date(0),
        accounts: { create: { provider: provider.accountProvider, subject: identity.subject, email, lastUsedAt: new Date() } },
      },
      select: { id: true },
    });
    await audit(user.id, 'provider_linked', `${provider.label} (account created)`, meta);
    return { userId: user.id, how: 'created' };
  } catch (error) {
    // Someone signed up with this address (or this identity signed in) a moment ago: start over
    // from rule 1 once, which now finds the account and applies the same rules to it.
    if (isUniqueViolation(error)) return resolveAfterRace(provider, identity);
    throw error;
  }
}

async function resolveAfterRace(provider: SignInProvider, identity: ProviderIdentity): Promise<ResolvedUser> {
  const prisma = await db();
  const known = await prisma.account.findUnique({
    where: { provider_subject: { provider: provider.accountProvider, subject: identity.subject } },
    select: { userId: true },
  });
  if (known) return { userId: known.userId, how: 'known' };
  throw new OidcFlowError('link_required');
}

async function createLink(input: { userId: string; provider: SignInProvider; identity: ProviderIdentity; email: string | null }) {
  const prisma = await db();
  try {
    await prisma.account.create({
      data: {
        userId: input.userId,
        provider: input.provider.accountProvider,
        subject: input.identity.subject,
        email: input.email,
        lastUsedAt: new Date(),
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const holder = await prisma.account.findUnique({
      where: { provider_subject: { provider: input.provider.accountProvider, subject: input.identity.subject } },
      select: { userId: true },
    });
    if (holder && holder.userId !== input.userId) throw new OidcFlowError('linked_elsewhere');
    if (!holder) throw new OidcFlowError('provider_already_linked');
  }
}

/**
 * "Connect" from /account: links the identity to the signed-in user. Both sides are proven (the
 * session here, the sign-in there), so the addresses need not match.
 */
export async function linkToUser(
  provider: SignInProvider,
  identity: ProviderIdentity,
  userId: string,
  meta: RequestMeta,
): Promise<{ alreadyLinked: boolean }> {
  const prisma = await db();
  const known = await prisma.account.findUnique({
    where: { provider_subject: { provider: provider.accountProvider, subject: identity.subject } },
    select: { userId: true },
  });
  if (known) {
    if (known.userId !== userId) throw new OidcFlowError('linked_elsewhere');
    return { alreadyLinked: true };
  }
  const other = await prisma.account.findUnique({ where: { userId_provider: { userId, provider: provider.accountProvider } }, select: { id: true } });
  if (other) throw new OidcFlowError('provider_already_linked');
  await createLink({ userId, provider, identity, email: providerEmail(identity) });
  await audit(userId, 'provider_linked', provider.label, meta);
  return { alreadyLinked: false };
}

/** Re-authentication through a provider: the identity must be the one linked to this user. */
export async function assertLinkedTo(provider: SignInProvider, identity: ProviderIdentity, userId: string): Promise<void> {
  const prisma = await db();
  const known = await prisma.account.findUnique({
    where: { provider_subject: { provider: provider.accountProvider, subject: identity.subject } },
    select: { userId: true },
  });
  if (!known || known.userId !== userId) throw new OidcFlowError('reauth_mismatch');
}
