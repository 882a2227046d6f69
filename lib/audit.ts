// The audit trail of a user's auth events, shown to them on /account (newest first, paged).
// Never holds a token or a password; old events are pruned by the scheduled purge.
import 'server-only';
import type { RequestMeta } from '@/lib/auth/http';
import { db } from '@/lib/db';
import { durable } from '@/lib/db/durable';

export const AUDIT_EVENT_TYPES = {
  sign_in: 'Signed in',
  sign_in_failed: 'Failed sign-in',
  sign_out: 'Signed out',
  sign_out_everywhere: 'Signed out everywhere',
  session_revoked: 'Signed out a device',
  refresh_reuse: 'Reused sign-in token detected; that sign-in was ended',
  password_changed: 'Password changed',
  api_token_created: 'API token created',
  api_token_revoked: 'API token revoked',
  email_changed: 'Email address changed',
  sign_in_provider: 'Signed in with a provider',
  provider_linked: 'Sign-in provider connected',
  provider_unlinked: 'Sign-in provider disconnected',
  second_step_failed: 'Wrong two-step code',
  totp_enabled: 'Two-step sign-in turned on',
  totp_disabled: 'Two-step sign-in turned off',
  recovery_codes_created: 'New recovery codes made',
  passkey_added: 'Passkey added',
  passkey_removed: 'Passkey removed',
  reauthenticated: 'Confirmed it was you (step-up)',
} as const;
export type AuditEventType = keyof typeof AUDIT_EVENT_TYPES;

/** How long events are kept. */
export const AUDIT_RETENTION_DAYS = 180;

export interface AuditEventView {
  id: string;
  type: AuditEventType;
  label: string;
  detail: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: string;
}

export async function recordAuditEvent(
  event: { userId: string; type: AuditEventType; detail?: string },
  meta?: RequestMeta | null,
): Promise<void> {
  // Its own transaction: never rolled back with another request's work (lib/db/durable.ts).
  await durable((tx) =>
    tx.auditEvent.create({
      data: {
        userId: event.userId,
        type: event.type,
        detail: event.detail?.slice(0, 200) ?? null,
        ipAddress: meta?.ipAddress ?? null,
        userAgent: meta?.userAgent ?? null,
      },
    }),
  );
}

/** One stored event as pages and the account API show it (the type's label in words). */
export function auditEventView(row: {
  id: string;
  type: string;
  detail: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: Date;
}): AuditEventView {
  return {
    id: row.id,
    type: row.type as AuditEventType,
    label: AUDIT_EVENT_TYPES[row.type as AuditEventType] ?? row.type,
    detail: row.detail,
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
    createdAt: row.createdAt.toISOString(),
  };
}

export const AUDIT_PAGE_SIZE = 10;

export async function listAuditEvents({ userId, page = 1 }: { userId: string; page?: number }): Promise<{
  events: AuditEventView[];
  page: number;
  pages: number;
}> {
  const prisma = await db();
  const total = await prisma.auditEvent.count({ where: { userId } });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await prisma.auditEvent.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  return {
    page: current,
    pages,
    events: rows.map(auditEventView),
  };
}

export async function pruneAuditEvents(nowMs = Date.now()): Promise<number> {
  const prisma = await db();
  const { count } = await prisma.auditEvent.deleteMany({
    where: { createdAt: { lt: new Date(nowMs - AUDIT_RETENTION_DAYS * 24 * 3600 * 1000) } },
  });
  return count;
}
