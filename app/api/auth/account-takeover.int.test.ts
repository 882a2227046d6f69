// Account takeover through the mail links and the sign-in methods, through the real route
// handlers, a real database (SQLite and Postgres projects) and a real SMTP peer:
//   - a pending change-of-address link dies with a password reset, change or set, and with
//     sign-out everywhere (else whoever asked for it keeps a way to move the account);
//   - a confirmed change of address voids the reset links mailed to the old address;
//   - wrong passwords on the change-of-address request are counted (429 once over);
//   - pre-hijacking: a reset that is the first proof of the mailbox removes the passkeys, linked
//     providers, TOTP factor and recovery codes an earlier sign-up with the address could add.
// And that the normal flows still work around each rule.
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as passkeyOptionsRoute } from '@/app/api/auth/passkey/options/route';
import { POST as passkeyVerifyRoute } from '@/app/api/auth/passkey/verify/route';
import { setPassword } from '@/lib/auth/accounts';
import { resolveSignIn } from '@/lib/auth/oidc/linking';
import type { SignInProvider } from '@/lib/auth/oidc/providers';
import { db } from '@/lib/db';
import { whenAfterResponseIdle } from '@/lib/mail/after-response';
import type { MailCatcher } from '@/e2e/support/mail-catcher';
import { APP, accessCookie, errorBody, parseSetCookie, uniqueEmail, type Tokens } from '@/test/auth-requests';
import { api, route, signedIn, signedUp, TEST_PASSWORD } from '@/test/auth-routes';
import { linkTokenTo, mailTo, stopMailCatcher, useMailCatcher } from '@/test/mail-support';

const NEW_PASSWORD = 'a brand new passphrase';
const META = { ipAddress: null, userAgent: 'account-takeover test' };
let catcher: MailCatcher;

/** Asks (signed in, with the password) to move the account to a new address; the link's token. */
async function changeLink(tokens: Tokens, password = TEST_PASSWORD): Promise<{ newEmail: string; token: string }> {
  const newEmail = uniqueEmail('attacker');
  const asked = await api.changeEmail({ cookie: accessCookie(tokens), body: { email: newEmail, password } });
  expect(asked.status).toBe(202);
  return { newEmail, token: await linkTokenTo(catcher, newEmail, /Confirm your new email address/) };
}

/** A reset link mailed to `email` (forgot password). */
async function resetLink(email: string): Promise<string> {
  expect((await api.forgotPassword({ body: { email } })).status).toBe(202);
  return linkTokenTo(catcher, email, /Reset your Tokenshop password/);
}

async function expectDeadLink(token: string) {
  const response = await api.confirmEmail({ body: { token } });
  expect(response.status).toBe(400);
  expect((await errorBody(response)).error.code).toBe('invalid_token');
}

async function emailOf(userId: string): Promise<string> {
  return (await (await db()).user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })).email;
}

beforeAll(async () => {
  catcher = await useMailCatcher();
});

afterAll(async () => {
  await stopMailCatcher(catcher);
});

describe('a pending change of address dies with a change of credentials', () => {
  it('a password reset voids it: the attacker cannot confirm the address after the owner reset', async () => {
    const { email, tokens, user: { id: userId } } = await signedUp();
    const { token } = await changeLink(tokens);
    const reset = await api.resetPassword({ body: { token: await resetLink(email), password: NEW_PASSWORD } });
    expect(reset.status).toBe(200);
    await expectDeadLink(token);
    expect(await emailOf(userId)).toBe(email);
    await signedIn(email, NEW_PASSWORD);
  });

  it('a password change voids it', async () => {
    const { email, tokens, user: { id: userId } } = await signedUp();
    const { token } = await changeLink(tokens);
    const changed = await api.changePassword({ cookie: accessCookie(tokens), body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(changed.status).toBe(200);
    await expectDeadLink(token);
    expect(await emailOf(userId)).toBe(email);
  });

  it('setting a password (an account without one) voids it', async () => {
    const { email, tokens, user: { id: userId } } = await signedUp();
    // An account made through a sign-in provider: no password; the step-up is its proof.
    await (await db()).user.update({ where: { id: userId }, data: { passwordHash: null } });
    const { token } = await changeLink(tokens, 'no password to check');
    await setPassword({ userId, currentSid: tokens.accessClaims.sid, newPassword: NEW_PASSWORD, signOutOthers: false, meta: META });
    await expectDeadLink(token);
    expect(await emailOf(userId)).toBe(email);
  });

  it('sign-out everywhere voids it; a link asked for afterwards works', async () => {
    const { email, tokens, user: { id: userId } } = await signedUp();
    const { token } = await changeLink(tokens);
    expect((await api.logoutAll({ cookie: accessCookie(tokens) })).status).toBe(204);
    await expectDeadLink(token);
    expect(await emailOf(userId)).toBe(email);

    const fresh = await changeLink(await signedIn(email));
    const done = await api.confirmEmail({ body: { token: fresh.token } });
    expect(await done.json()).toEqual({ ok: true, kind: 'changed', email: fresh.newEmail });
  });

  it('a change confirmed before any reset still applies, and the account then resets at its new address', async () => {
    const { tokens, user: { id: userId } } = await signedUp();
    const { newEmail, token } = await changeLink(tokens);
    const done = await api.confirmEmail({ body: { token } });
    expect(done.status).toBe(200);
    expect(await emailOf(userId)).toBe(newEmail);
    expect((await api.resetPassword({ body: { token: await resetLink(newEmail), password: NEW_PASSWORD } })).status).toBe(200);
    await signedIn(newEmail, NEW_PASSWORD);
  });
});

describe('a confirmed change of address voids the reset links of the old address', () => {
  it('an old reset link is refused after the change; one asked for at the new address works', async () => {
    const { email, tokens, user: { id: userId } } = await signedUp();
    const oldLink = await resetLink(email);
    const { newEmail, token } = await changeLink(tokens);
    expect((await api.confirmEmail({ body: { token } })).status).toBe(200);

    const refused = await api.resetPassword({ body: { token: oldLink, password: NEW_PASSWORD } });
    expect(refused.status).toBe(400);
    expect((await errorBody(refused)).error.code).toBe('invalid_token');
    await signedIn(newEmail, TEST_PASSWORD);
    expect(await emailOf(userId)).toBe(newEmail);

    expect((await api.resetPassword({ body: { token: await resetLink(newEmail), password: NEW_PASSWORD } })).status).toBe(200);
    await signedIn(newEmail, NEW_PASSWORD);
  });
});

describe('the change-of-address request counts wrong passwords', () => {
  it('five wrong passwords, then 429 too_many_attempts for every sign-in of the account, even with the right one; no mail', async () => {
    const { email, tokens } = await signedUp();
    const other = await signedIn(email);
    const newEmail = uniqueEmail('guess');
    for (let i = 0; i < 5; i++) {
      const wrong = await api.changeEmail({ cookie: accessCookie(tokens), body: { email: newEmail, password: `guess number ${i}` } });
      expect(wrong.status).toBe(400);
      expect((await errorBody(wrong)).error.code).toBe('invalid_current_password');
    }
    for (const sign of [tokens, other]) {
      const blocked = await api.changeEmail({ cookie: accessCookie(sign), body: { email: newEmail, password: TEST_PASSWORD } });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = await errorBody(blocked);
      expect(body.error.code).toBe('too_many_attempts');
      expect(body.error.message).toMatch(/Too many attempts/);
    }
    await whenAfterResponseIdle();
    expect(catcher.to(newEmail)).toHaveLength(0);
  });

  it('a right password after a few wrong ones still sends the link; another account is not affected', async () => {
    const { tokens } = await signedUp();
    for (let i = 0; i < 4; i++) {
      expect((await api.changeEmail({ cookie: accessCookie(tokens), body: { email: uniqueEmail('x'), password: 'wrong' } })).status).toBe(400);
    }
    const { newEmail, token } = await changeLink(tokens);
    expect(await (await api.confirmEmail({ body: { token } })).json()).toEqual({ ok: true, kind: 'changed', email: newEmail });
    const bystander = await signedUp();
    await changeLink(bystander.tokens);
  });
});

// ---------------------------------------------------------------------------------------------
// Pre-hijacking

function codeAt(secret: string, nowMs: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: nowMs });
}

const PROVIDER = { key: 'github', label: 'GitHub', accountProvider: 'github' } as SignInProvider;

/**
 * What the attacker adds to an account made with someone else's address, with a recent sign-in:
 * two-step sign-in (through the API), a passkey and a connected provider (their rows, as the
 * registration and the connect flow would write them).
 */
async function armAccount(userId: string, tokens: Tokens) {
  const start = await api.totpStart({ cookie: accessCookie(tokens) });
  expect(start.status).toBe(200);
  const { secret } = (await start.json()) as { secret: string };
  expect((await api.totpConfirm({ cookie: accessCookie(tokens), body: { code: codeAt(secret, Date.now()) } })).status).toBe(200);
  const credentialId = randomBytes(16).toString('base64url');
  const subject = `attacker-${randomBytes(6).toString('hex')}`;
  const attackerEmail = uniqueEmail('mallory');
  const prisma = await db();
  await prisma.passkey.create({ data: { credentialId, userId, publicKey: new Uint8Array([1, 2, 3]), name: "Mallory's key" } });
  await prisma.account.create({ data: { userId, provider: PROVIDER.accountProvider, subject, email: attackerEmail } });
  return { credentialId, identity: { subject, email: attackerEmail, emailVerified: true, name: 'Mallory' } };
}

async function methodCounts(userId: string) {
  const prisma = await db();
  const where = { userId };
  const [passkeys, accounts, totp, recoveryCodes, devices] = await Promise.all([
    prisma.passkey.count({ where }),
    prisma.account.count({ where }),
    prisma.totpFactor.count({ where }),
    prisma.recoveryCode.count({ where }),
    prisma.device.count({ where }),
  ]);
  return { passkeys, accounts, totp, recoveryCodes, devices };
}

/** A passkey sign-in with this credential (the signature is junk): the refusal's message. */
async function passkeySignInRefusal(credentialId: string, userId: string): Promise<string> {
  const options = await route(passkeyOptionsRoute, '/api/auth/passkey/options')();
  expect(options.status).toBe(200);
  const { options: { challenge } } = (await options.json()) as { options: { challenge: string } };
  const attempt = parseSetCookie(options).get('webauthn')!.value;
  const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge, origin: APP })).toString('base64url');
  const response = await route(passkeyVerifyRoute, '/api/auth/passkey/verify')({
    cookie: `webauthn=${attempt}`,
    body: {
      response: {
        id: credentialId,
        rawId: credentialId,
        type: 'public-key',
        clientExtensionResults: {},
        response: { clientDataJSON, authenticatorData: 'AAAA', signature: 'AAAA', userHandle: Buffer.from(userId).toString('base64url') },
      },
    },
  });
  expect(response.status).toBe(401);
  const body = await errorBody(response);
  expect(body.error.code).toBe('passkey_refused');
  return body.error.message;
}

describe('pre-hijacking: a reset that first proves the mailbox removes the other sign-in methods', () => {
  it('the attacker’s passkey, provider, TOTP factor and recovery codes go; the owner signs in with the new password alone', async () => {
    // The attacker signs up with the victim's address (never verified) and arms the account.
    const { email, tokens, user: { id: userId } } = await signedUp();
    const { credentialId, identity } = await armAccount(userId, tokens);
    // The browser the attacker signed up from is a known one of the account.
    await (await db()).device.create({ data: { userId, browserId: 'mallory-browser', lastSeenAt: new Date() } });
    expect(await methodCounts(userId)).toMatchObject({ passkeys: 1, accounts: 1, totp: 1, recoveryCodes: 10 });
    expect((await methodCounts(userId)).devices).toBeGreaterThanOrEqual(1);
    expect((await resolveSignIn(PROVIDER, identity, META)).userId).toBe(userId);

    // The victim uses forgot-password: the answer is the usual one.
    const reset = await api.resetPassword({ body: { token: await resetLink(email), password: NEW_PASSWORD } });
    expect(reset.status).toBe(200);
    expect(await reset.json()).toEqual({ ok: true, sessionsEnded: 1, apiTokensRevoked: 0 });

    expect(await methodCounts(userId)).toEqual({ passkeys: 0, accounts: 0, totp: 0, recoveryCodes: 0, devices: 0 });
    expect((await (await db()).user.findUniqueOrThrow({ where: { id: userId } })).emailVerifiedAt).toBeInstanceOf(Date);
    // The owner is told what went, in the "password changed" mail.
    const notice = await mailTo(catcher, email, /password was changed/);
    expect(notice.text).toMatch(/first proof that the address is yours/);
    expect(notice.text).toContain(`the passkey "Mallory's key"`);
    expect(notice.text).toContain('the sign-in with github');
    expect(notice.text).toContain('two-step sign-in and its recovery codes');
    // The attacker's passkey is unknown here now, and their provider identity no longer reaches the account.
    expect(await passkeySignInRefusal(credentialId, userId)).toMatch(/not registered here/);
    const viaProvider = await resolveSignIn(PROVIDER, identity, META);
    expect(viaProvider.userId).not.toBe(userId);
    expect(viaProvider.how).toBe('created');
    // No second step is asked of the owner: the factor was the attacker's.
    const login = await api.login({ body: { email, password: NEW_PASSWORD } });
    expect(login.status).toBe(200);
    expect(parseSetCookie(login).has('access')).toBe(true);

    // Recorded in the audit trail, in the reset's transaction.
    const events = await (await db()).auditEvent.findMany({ where: { userId }, select: { type: true, detail: true } });
    const removed = events.filter((e) => ['passkey_removed', 'provider_unlinked', 'totp_disabled'].includes(e.type));
    expect(removed.map((e) => e.type).sort()).toEqual(['passkey_removed', 'provider_unlinked', 'totp_disabled']);
    for (const event of removed) expect(event.detail).toMatch(/first proof of the address/);
    expect(removed.find((e) => e.type === 'passkey_removed')!.detail).toContain("Mallory's key");
    expect(removed.find((e) => e.type === 'provider_unlinked')!.detail).toContain('github');
  });

  it('a verified account keeps its passkeys, providers and two-step sign-in through a reset', async () => {
    const { email, tokens, user: { id: userId } } = await signedUp();
    expect((await api.confirmEmail({ body: { token: await linkTokenTo(catcher, email, /Confirm your email address/) } })).status).toBe(200);
    const { credentialId, identity } = await armAccount(userId, tokens);
    await (await db()).device.create({ data: { userId, browserId: 'owner-browser', lastSeenAt: new Date() } });
    const before = await methodCounts(userId);

    const reset = await api.resetPassword({ body: { token: await resetLink(email), password: NEW_PASSWORD } });
    expect(reset.status).toBe(200);

    expect(await methodCounts(userId)).toEqual(before);
    expect(before).toMatchObject({ passkeys: 1, accounts: 1, totp: 1, recoveryCodes: 10 });
    expect((await mailTo(catcher, email, /password was changed/)).text).not.toMatch(/first proof/);
    // The passkey is still found (this one's signature is junk, so it is refused later, differently).
    expect(await passkeySignInRefusal(credentialId, userId)).not.toMatch(/not registered here/);
    expect(await resolveSignIn(PROVIDER, identity, META)).toEqual({ userId, how: 'known' });
    const login = await api.login({ body: { email, password: NEW_PASSWORD } });
    expect(await login.json()).toEqual({ mfaRequired: true, methods: ['totp', 'recovery'] });
    const types = (await (await db()).auditEvent.findMany({ where: { userId }, select: { type: true } })).map((e) => e.type);
    expect(types).not.toContain('passkey_removed');
    expect(types).not.toContain('provider_unlinked');
    expect(types).not.toContain('totp_disabled');
  });
});
