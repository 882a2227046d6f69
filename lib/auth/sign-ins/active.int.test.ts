// The security centre's data on a real database: sign-in rows written at sign-in and refresh,
// ending one or all other sign-ins, changing the password, and the audit trail (which never
// holds a token or a password).
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as login } from '@/app/api/auth/login/route';
import { POST as logout } from '@/app/api/auth/logout/route';
import { POST as refresh } from '@/app/api/auth/refresh/route';
import { POST as signup } from '@/app/api/auth/signup/route';
import { GET as me } from '@/app/api/me/route';
import { AUDIT_PAGE_SIZE, listAuditEvents, pruneAuditEvents, recordAuditEvent } from '@/lib/audit';
import { db } from '@/lib/db';
import { accessCookie, authCookies, makeRequest, tokensFrom, uniqueEmail, type Tokens } from '@/test/auth-requests';
import { changePassword } from '../accounts';
import { resetRateLimitsForTests } from '../accounts';
import { endOtherSessions, endSession, listActiveSessions } from './active';
import { rotateRefreshToken } from './lifecycle';
import { advanceClock } from '@/test/clock';

const ctx = {} as never;
const PASSWORD = 'correct horse battery';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
const CHROME = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36';
const meta = { ipAddress: null, userAgent: 'vitest' };

async function signedUp(userAgent = FIREFOX) {
  const email = uniqueEmail('centre');
  const response = await signup(
    makeRequest('/api/auth/signup', 'POST', { body: { email, password: PASSWORD, name: 'Sec Centre' }, headers: { 'user-agent': userAgent } }),
    ctx,
  );
  expect(response.status).toBe(201);
  return { email, user: (await response.json()).user as { id: string }, tokens: tokensFrom(response) };
}

async function signIn(email: string, userAgent = CHROME, password = PASSWORD): Promise<Response> {
  return login(makeRequest('/api/auth/login', 'POST', { body: { email, password }, headers: { 'user-agent': userAgent } }), ctx);
}

const meStatus = async (tokens: Pick<Tokens, 'access'>) => (await me(makeRequest('/api/me', 'GET', { origin: null, cookie: accessCookie(tokens) }), ctx)).status;

async function eventTypes(userId: string): Promise<string[]> {
  return (await (await db()).auditEvent.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } })).map((e) => e.type);
}

beforeEach(() => resetRateLimitsForTests());

describe('sign-in rows', () => {
  it('are written at sign-in with the device, and updated (not added) at refresh', async () => {
    const { user, tokens } = await signedUp(FIREFOX);
    const prisma = await db();
    const row = await prisma.session.findUniqueOrThrow({ where: { id: tokens.accessClaims.sid } });
    expect(row).toMatchObject({ userId: user.id, userAgent: FIREFOX, revokedAt: null });

    advanceClock(1_000);
    const rotated = await refresh(makeRequest('/api/auth/refresh', 'POST', { cookie: authCookies(tokens) }), ctx);
    expect(rotated.status).toBe(200);
    const after = await prisma.session.findUniqueOrThrow({ where: { id: tokens.accessClaims.sid } });
    expect(after.lastRefreshedAt.getTime()).toBeGreaterThan(row.lastRefreshedAt.getTime());
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it('list this device first, marked, and describe each browser', async () => {
    const { email, user, tokens } = await signedUp(FIREFOX);
    expect((await signIn(email, CHROME)).status).toBe(200);
    const sessions = await listActiveSessions({ userId: user.id, currentSid: tokens.accessClaims.sid });
    expect(sessions.map((s) => [s.device, s.current])).toEqual([
      ['Firefox on Linux', true],
      ['Chrome on macOS', false],
    ]);
  });

  it('end one other device: its tokens die, this one lives, and it leaves the list', async () => {
    const { email, user, tokens: laptop } = await signedUp();
    const phone = tokensFrom(await signIn(email));
    await endSession({ userId: user.id, sid: phone.accessClaims.sid, meta });

    expect(await meStatus(phone)).toBe(401);
    expect((await rotateRefreshToken(phone.refresh)).ok).toBe(false);
    expect(await meStatus(laptop)).toBe(200);
    const listed = await listActiveSessions({ userId: user.id, currentSid: laptop.accessClaims.sid });
    expect(listed.map((s) => s.id)).toEqual([laptop.accessClaims.sid]);
    expect(await eventTypes(user.id)).toContain('session_revoked');
  });

  it('cannot end another user’s sign-in', async () => {
    const victim = await signedUp();
    const attacker = await signedUp();
    await expect(endSession({ userId: attacker.user.id, sid: victim.tokens.accessClaims.sid, meta })).rejects.toMatchObject({ status: 404 });
    expect(await meStatus(victim.tokens)).toBe(200);
  });

  it('end all others, keeping this device', async () => {
    const { email, user, tokens: here } = await signedUp();
    const a = tokensFrom(await signIn(email));
    const b = tokensFrom(await signIn(email));
    expect(await endOtherSessions({ userId: user.id, currentSid: here.accessClaims.sid, meta })).toBe(2);
    expect(await meStatus(a)).toBe(401);
    expect(await meStatus(b)).toBe(401);
    expect(await meStatus(here)).toBe(200);
  });

  it('are marked on sign-out, and a reused refresh token ends its family with an audit event', async () => {
    const { user, tokens } = await signedUp();
    const out = await logout(makeRequest('/api/auth/logout', 'POST', { cookie: authCookies(tokens) }), ctx);
    expect(out.status).toBe(204);
    expect(await (await db()).session.findUniqueOrThrow({ where: { id: tokens.accessClaims.sid } })).toMatchObject({ revokedReason: 'logout' });

    const second = await signedUp();
    const first = await rotateRefreshToken(second.tokens.refresh);
    expect(first.ok).toBe(true);
    const replay = await rotateRefreshToken(second.tokens.refresh, Date.now() + 60_000);
    expect(replay).toEqual({ ok: false, reason: 'reuse' });
    expect(await (await db()).session.findUniqueOrThrow({ where: { id: second.tokens.accessClaims.sid } })).toMatchObject({ revokedReason: 'reuse' });
    expect(await eventTypes(second.user.id)).toContain('refresh_reuse');
    expect(await eventTypes(user.id)).toEqual(['sign_in', 'sign_out']);
  });
});

describe('changing the password', () => {
  it('refuses a wrong current password and changes nothing', async () => {
    const { email, user, tokens } = await signedUp();
    const before = (await (await db()).user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    await expect(
      changePassword({ userId: user.id, currentSid: tokens.accessClaims.sid, currentPassword: 'wrong password', newPassword: 'brand new secret', signOutOthers: true, meta }),
    ).rejects.toMatchObject({ status: 400, code: 'invalid_current_password' });
    expect((await (await db()).user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before);
    expect((await signIn(email)).status).toBe(200);
  });

  it('switches the password, signs out the other devices by default, keeps this one', async () => {
    const { email, user, tokens: here } = await signedUp();
    const other = tokensFrom(await signIn(email));
    const result = await changePassword({
      userId: user.id,
      currentSid: here.accessClaims.sid,
      currentPassword: PASSWORD,
      newPassword: 'brand new secret',
      signOutOthers: true,
      meta,
    });
    expect(result.otherSessionsEnded).toBe(1);
    expect(await meStatus(other)).toBe(401);
    expect(await meStatus(here)).toBe(200);
    expect((await signIn(email, CHROME, PASSWORD)).status).toBe(401);
    expect((await signIn(email, CHROME, 'brand new secret')).status).toBe(200);
    expect(await eventTypes(user.id)).toContain('password_changed');
  });

  it('can leave the other devices signed in', async () => {
    const { email, user, tokens: here } = await signedUp();
    const other = tokensFrom(await signIn(email));
    await changePassword({ userId: user.id, currentSid: here.accessClaims.sid, currentPassword: PASSWORD, newPassword: 'brand new secret', signOutOthers: false, meta });
    expect(await meStatus(other)).toBe(200);
  });
});

describe('the audit trail', () => {
  it('records sign-in, failed sign-in and sign-out for the account, and nothing for unknown emails', async () => {
    const { email, user } = await signedUp();
    const before = await (await db()).auditEvent.count();
    expect((await signIn(uniqueEmail('nobody'), CHROME, 'whatever password')).status).toBe(401);
    expect(await (await db()).auditEvent.count()).toBe(before);

    expect((await signIn(email, CHROME, 'wrong password')).status).toBe(401);
    const ok = tokensFrom(await signIn(email, CHROME));
    await logout(makeRequest('/api/auth/logout', 'POST', { cookie: authCookies(ok), headers: { 'user-agent': CHROME } }), ctx);
    expect(await eventTypes(user.id)).toEqual(['sign_in', 'sign_in_failed', 'sign_in', 'sign_out']);
  });

  it('never stores a token or a password', async () => {
    const { email, user, tokens } = await signedUp();
    await signIn(email, CHROME, 'a wrong password guess');
    await changePassword({ userId: user.id, currentSid: tokens.accessClaims.sid, currentPassword: PASSWORD, newPassword: 'brand new secret', signOutOthers: true, meta });
    const rows = await (await db()).auditEvent.findMany({ where: { userId: user.id } });
    const text = JSON.stringify(rows);
    for (const secret of [tokens.access, tokens.refresh, PASSWORD, 'a wrong password guess', 'brand new secret', tokens.access.split('.')[2]!]) {
      expect(text).not.toContain(secret);
    }
  });

  it('pages newest first', async () => {
    const { user } = await signedUp();
    for (let i = 0; i < AUDIT_PAGE_SIZE + 3; i++) await recordAuditEvent({ userId: user.id, type: 'sign_in', detail: `event ${i}` });
    const first = await listAuditEvents({ userId: user.id, page: 1 });
    const second = await listAuditEvents({ userId: user.id, page: 2 });
    expect(first.pages).toBe(2);
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.events[0]!.detail).toBe(`event ${AUDIT_PAGE_SIZE + 2}`);
    expect(second.events.at(-1)!.detail).toBe('Account created');
    expect((await listAuditEvents({ userId: user.id, page: 99 })).page).toBe(2);
  });

  it('prunes events past their retention and keeps recent ones', async () => {
    const { user } = await signedUp();
    const prisma = await db();
    await prisma.auditEvent.create({ data: { userId: user.id, type: 'sign_in', detail: 'ancient', createdAt: new Date(Date.now() - 400 * 24 * 3600 * 1000) } });
    expect(await pruneAuditEvents()).toBeGreaterThanOrEqual(1);
    const left = await prisma.auditEvent.findMany({ where: { userId: user.id } });
    expect(left.map((e) => e.detail)).toEqual(['Account created']);
  });
});
