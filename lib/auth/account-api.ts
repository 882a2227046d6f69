// The account JSON API's own query: the audit trail paged by cursor for programs. (Who may call
// /api/account/* — a sign-in token only, never a personal API token — each handler declares with
// its guard; lib/auth/http/protection.ts lists them.)
import 'server-only';
import { auditEventView, type AuditEventView } from '@/lib/audit';
import { db } from '@/lib/db';
import { badRequest } from '@/lib/errors';
import { isPlainId } from '@/lib/validation/text';

export const ACTIVITY_PAGE_SIZE = 20;

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

/** The instants a cursor may hold: what toISOString writes for years 1970 to 9999, which every database stores. */
const CURSOR_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CURSOR_MIN_MS = 0;
const CURSOR_MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * Only a cursor this API could have written is used: a crafted one (a date like year −271821,
 * which Postgres refuses, or an id with a NUL) is a 400, never a database error.
 */
function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso = '', id = '', ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso);
  const ms = createdAt.getTime();
  const valid = rest.length === 0 && CURSOR_ISO.test(iso) && ms >= CURSOR_MIN_MS && ms <= CURSOR_MAX_MS && isPlainId(id, 64);
  if (!valid) throw badRequest('The cursor is not valid.', { cursor: ['The cursor is not valid.'] });
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
