// The account JSON API's own query: the audit trail paged by cursor for programs. (Who may call
// /api/account/* — a sign-in token only, never a personal API token — each handler declares with
// its guard; lib/auth/http/protection.ts lists them.)
import 'server-only';
import { auditEventView, type AuditEventView } from '@/lib/audit';
import { db } from '@/lib/db';
import { badRequest } from '@/lib/errors';

export const ACTIVITY_PAGE_SIZE = 20;

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) throw badRequest('The cursor is not valid.', { cursor: ['The cursor is not valid.'] });
  return { createdAt, id };
}

/** The audit trail, newest first; `nextCursor` continues after the last event (null at the end). */
export async function listActivity({ userId, cursor }: { userId: string; cursor?: string }): Promise<{ events: AuditEventView[]; nextCursor: string | null }> {
  const after = cursor ? decodeCursor(cursor) : null;
  const prisma = await db();
  const rows = await prisma.auditEvent.findMany({
    where: {
      userId,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: ACTIVITY_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, ACTIVITY_PAGE_SIZE);
  return {
    events: page.map(auditEventView),
    nextCursor: rows.length > ACTIVITY_PAGE_SIZE ? encodeCursor(page[page.length - 1]!) : null,
  };
}
