// Passkeys (WebAuthn) through @simplewebauthn/server: registration on /account, sign-in on
// /login (button and autofill), and re-authentication for step-up.
//
// - The relying party is APP_URL: its host name is the RP ID, its origin the expected origin
//   (WebAuthn refuses IP addresses, so development uses http://localhost).
// - Every ceremony has a single-use challenge (an AuthChallenge row, 5 minutes), bound to the
//   user (registration, re-authentication) or to the browser's sign-in attempt (a random id in
//   the short `webauthn` cookie). A challenge is deleted as it is used, so an assertion cannot be
//   replayed.
// - User verification is required; the signature counter must move forward when the
//   authenticator keeps one.
// - A passkey signs in to the account it was added to; it never creates an account.
// - Removing the account's last way to sign in (no password, no offered provider, no other
//   passkey) is refused, as disconnecting the last provider is.
import 'server-only';
import { randomBytes } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { recordAuditEvent } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import { isUniqueViolation } from '@/lib/db/errors';
import { assertAnotherWayIn, lockSignInMethods } from './oidc/linked-accounts';
import type { AuthMethod } from './tokens';
import type { RequestMeta } from './http';
import type { PasskeyJson } from '@/lib/validation/strong-sign-in-responses';

export const RP_NAME = 'Tokenshop';
export const WEBAUTHN_CHALLENGE_TTL_SECONDS = 5 * 60;
export const WEBAUTHN_COOKIE = 'webauthn';

type Purpose = 'passkey_register' | 'passkey_signin' | 'passkey_reauth';

export interface RelyingParty {
  rpID: string;
  origin: string;
}

/** The relying party for an app origin (APP_URL's, or the request's when APP_URL is unset). */
export function relyingParty(origin: string): RelyingParty {
  const url = new URL(origin);
  return { rpID: url.hostname, origin: url.origin };
}

/** A passkey as the API answers it (its schema is in the OpenAPI document). */
export type PasskeyView = PasskeyJson;

export const passkeyRefused = (message = 'That passkey could not be used. Try again, or sign in with your password.') =>
  new AppError(401, 'passkey_refused', message);

async function saveChallenge(purpose: Purpose, challenge: string, userId: string | null, nowMs: number): Promise<string> {
  const id = randomBytes(24).toString('base64url');
  const prisma = await db();
  await prisma.authChallenge.create({
    data: { id, userId, purpose, challenge, expiresAt: new Date(nowMs + WEBAUTHN_CHALLENGE_TTL_SECONDS * 1000) },
  });
  return id;
}

/** The challenge the browser signed, read from its clientDataJSON (verified again by the library). */
function signedChallenge(clientDataJSON: unknown): string | null {
  if (typeof clientDataJSON !== 'string' || clientDataJSON.length > 4096) return null;
  try {
    const parsed = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown };
    return typeof parsed.challenge === 'string' ? parsed.challenge : null;
  } catch {
    return null;
  }
}

/**
 * Uses up a challenge: only an unexpired row of this purpose (and user / attempt) counts, and
 * deleting it is the check, so two requests with the same response cannot both pass.
 */
async function consumeChallenge(input: { purpose: Purpose; challenge: string | null; userId?: string; attemptId?: string }, nowMs: number): Promise<boolean> {
  if (!input.challenge) return false;
  const prisma = await db();
  const { count } = await prisma.authChallenge.deleteMany({
    where: {
      challenge: input.challenge,
      purpose: input.purpose,
      expiresAt: { gt: new Date(nowMs) },
      ...(input.userId !== undefined ? { userId: input.userId } : {}),
      ...(input.attemptId !== undefined ? { id: input.attemptId } : {}),
    },
  });
  return count === 1;
}

function transportsOf(row: { transports: string }): AuthenticatorTransport[] {
  return row.transports.split(',').filter(Boolean) as AuthenticatorTransport[];
}

// ── Registration (signed in, step-up) ─────────────────────────────────────────────────────────

export async function registrationOptions(input: { userId: string; email: string; name: string; rp: RelyingParty; nowMs?: number }): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const nowMs = input.nowMs ?? Date.now();
  const prisma = await db();
  const existing = await prisma.passkey.findMany({ where: { userId: input.userId }, select: { credentialId: true, transports: true } });
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: input.rp.rpID,
    userName: input.email,
    userDisplayName: input.name,
    userID: new TextEncoder().encode(input.userId),
    attestationType: 'none',
    timeout: WEBAUTHN_CHALLENGE_TTL_SECONDS * 1000,
    excludeCredentials: existing.map((row) => ({ id: row.credentialId, transports: transportsOf(row) })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  await saveChallenge('passkey_register', options.challenge, input.userId, nowMs);
  return options;
}

export async function registerPasskey(input: {
  userId: string;
  name: string;
  response: RegistrationResponseJSON;
  rp: RelyingParty;
  meta: RequestMeta | null;
  nowMs?: number;
}): Promise<PasskeyView> {
  const nowMs = input.nowMs ?? Date.now();
  const challenge = signedChallenge(input.response.response?.clientDataJSON);
  if (!(await consumeChallenge({ purpose: 'passkey_register', challenge, userId: input.userId }, nowMs))) {
    throw new AppError(400, 'invalid_challenge', 'This passkey request expired or was already used. Try adding the passkey again.');
  }
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge!,
      expectedOrigin: input.rp.origin,
      expectedRPID: input.rp.rpID,
      requireUserVerification: true,
    });
  } catch {
    throw new AppError(400, 'invalid_passkey', 'The passkey could not be verified. Try again.');
  }
  if (!verification.verified) throw new AppError(400, 'invalid_passkey', 'The passkey could not be verified. Try again.');
  const { credential } = verification.registrationInfo;
  const prisma = await db();
  try {
    const row = await prisma.passkey.create({
      data: {
        credentialId: credential.id,
        userId: input.userId,
        publicKey: new Uint8Array(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: (credential.transports ?? []).join(','),
        name: input.name,
        createdAt: new Date(nowMs),
      },
    });
    await recordAuditEvent({ userId: input.userId, type: 'passkey_added', detail: input.name }, input.meta);
    return view(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'passkey_exists', 'This passkey is already registered.');
    throw error;
  }
}

// ── Authentication (sign-in and re-authentication) ───────────────────────────────────────────

/** Options for a sign-in with any passkey of this site (discoverable; autofill or button). */
export async function signInOptions(input: { rp: RelyingParty; nowMs?: number }): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; attemptId: string }> {
  const options = await generateAuthenticationOptions({ rpID: input.rp.rpID, userVerification: 'required', timeout: WEBAUTHN_CHALLENGE_TTL_SECONDS * 1000 });
  const attemptId = await saveChallenge('passkey_signin', options.challenge, null, input.nowMs ?? Date.now());
  return { options, attemptId };
}

/** Options for a signed-in user to confirm it is them with one of their own passkeys. */
export async function reauthOptions(input: { userId: string; rp: RelyingParty; nowMs?: number }): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const prisma = await db();
  const rows = await prisma.passkey.findMany({ where: { userId: input.userId }, select: { credentialId: true, transports: true } });
  if (rows.length === 0) throw new AppError(409, 'no_passkeys', 'This account has no passkeys. Confirm with your password.');
  const options = await generateAuthenticationOptions({
    rpID: input.rp.rpID,
    userVerification: 'required',
    timeout: WEBAUTHN_CHALLENGE_TTL_SECONDS * 1000,
    allowCredentials: rows.map((row) => ({ id: row.credentialId, transports: transportsOf(row) })),
  });
  await saveChallenge('passkey_reauth', options.challenge, input.userId, input.nowMs ?? Date.now());
  return options;
}

/**
 * Verifies an assertion: the challenge (sign-in attempt or user) is used up first, then the
 * passkey must be known (and, for re-authentication, the user's own), signed with user
 * verification, and its counter must move forward. Returns whose passkey it was and how to name
 * the method in `amr` (a synced passkey is a software key, a device-bound one a hardware key).
 */
export async function verifyPasskeyAssertion(input: {
  response: AuthenticationResponseJSON;
  rp: RelyingParty;
  /** Sign-in: the attempt id from the `webauthn` cookie. Re-auth: the signed-in user. */
  bind: { attemptId: string | undefined } | { userId: string };
  meta: RequestMeta | null;
  nowMs?: number;
}): Promise<{ userId: string; amr: AuthMethod[] }> {
  const nowMs = input.nowMs ?? Date.now();
  const challenge = signedChallenge(input.response.response?.clientDataJSON);
  const consumed =
    'userId' in input.bind
      ? await consumeChallenge({ purpose: 'passkey_reauth', challenge, userId: input.bind.userId }, nowMs)
      : input.bind.attemptId !== undefined && (await consumeChallenge({ purpose: 'passkey_signin', challenge, attemptId: input.bind.attemptId }, nowMs));
  if (!consumed) throw passkeyRefused('This passkey request expired or was already used. Try again.');

  const prisma = await db();
  const row = typeof input.response.id === 'string' ? await prisma.passkey.findUnique({ where: { credentialId: input.response.id } }) : null;
  if (!row) throw passkeyRefused('This passkey is not registered here. Sign in with your password and add it on your account page.');
  if ('userId' in input.bind && row.userId !== input.bind.userId) throw passkeyRefused('That passkey belongs to another account.');
  const userHandle = input.response.response?.userHandle;
  if (userHandle && userHandle !== Buffer.from(row.userId, 'utf8').toString('base64url')) throw passkeyRefused();

  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge: challenge!,
      expectedOrigin: input.rp.origin,
      expectedRPID: input.rp.rpID,
      requireUserVerification: true,
      credential: { id: row.credentialId, publicKey: new Uint8Array(row.publicKey), counter: Number(row.counter), transports: transportsOf(row) },
    });
  } catch {
    throw passkeyRefused();
  }
  if (!verification.verified) throw passkeyRefused();
  const { newCounter, credentialDeviceType } = verification.authenticationInfo;
  // Conditional on the counter we checked against: a clone racing the original loses.
  const { count } = await prisma.passkey.updateMany({
    where: { credentialId: row.credentialId, counter: row.counter },
    data: { counter: BigInt(newCounter), lastUsedAt: new Date(nowMs) },
  });
  if (count !== 1) throw passkeyRefused();
  return { userId: row.userId, amr: [credentialDeviceType === 'multiDevice' ? 'swk' : 'hwk'] };
}

// ── Managing passkeys ─────────────────────────────────────────────────────────────────────────

function view(row: { credentialId: string; name: string; createdAt: Date; lastUsedAt: Date | null }): PasskeyView {
  return { id: row.credentialId, name: row.name, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null };
}

export async function listPasskeys({ userId }: { userId: string }): Promise<PasskeyView[]> {
  const prisma = await db();
  const rows = await prisma.passkey.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
  return rows.map(view);
}

export async function renamePasskey({ userId, id, name }: { userId: string; id: string; name: string }): Promise<PasskeyView> {
  const prisma = await db();
  const { count } = await prisma.passkey.updateMany({ where: { credentialId: id, userId }, data: { name } });
  if (count !== 1) throw notFound('No such passkey.');
  return view((await prisma.passkey.findUnique({ where: { credentialId: id } }))!);
}

/**
 * Removes a passkey, unless it is the account's last way to sign in (409 last_sign_in_method, as
 * disconnecting a provider). The user's row is locked first (lockSignInMethods), so a removal and
 * a provider disconnect at once cannot together leave the account with no way in. The id is
 * looked up among the user's own passkeys, so an unknown id (or one the database would refuse) is
 * a 404.
 */
export async function removePasskey({ userId, id, meta }: { userId: string; id: string; meta: RequestMeta | null }): Promise<void> {
  const prisma = await db();
  const name = await prisma.$transaction(async (tx) => {
    const methods = await lockSignInMethods(tx, userId);
    const passkey = methods?.passkeys.find((p) => p.credentialId === id);
    if (!methods || !passkey) throw notFound('No such passkey.');
    assertAnotherWayIn(methods, { passkeyId: passkey.credentialId });
    await tx.passkey.delete({ where: { credentialId: passkey.credentialId } });
    return passkey.name;
  });
  await recordAuditEvent({ userId, type: 'passkey_removed', detail: name }, meta);
}
