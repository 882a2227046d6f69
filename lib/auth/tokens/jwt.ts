// Signing and verifying access and refresh tokens. This is where tokens are verified.
//
// Runtime-neutral: the Edge middleware and the Node data access layer both call verifyToken().
// Every check jose would otherwise skip is pinned here (RFC 8725):
//   - one algorithm per mode (no `none`, no HS/RS confusion),
//   - issuer, audience and `typ` (an access token is never accepted as a refresh token or vice versa),
//   - required claims exp, iat, jti, sub, sid (jose accepts a token without exp unless told),
//   - maxTokenAge (catches iat in the future and tokens older than their lifetime),
//   - a few seconds of clock tolerance between machines.
// Revocation is NOT checked here: that needs the database, see lib/auth/session/dal.ts.
import { SignJWT, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { env } from '@/lib/env';
import { getKeySet } from './keys';
import { isUuidv7, uuidv7, uuidv7Time } from './uuid';

export const TOKEN_TYPES = { access: 'at+jwt', refresh: 'refresh+jwt' } as const;
export type TokenKind = keyof typeof TOKEN_TYPES;

export const CLOCK_TOLERANCE_SECONDS = 5;
/** Real tokens are a few hundred bytes; anything far larger is refused before parsing. */
export const MAX_TOKEN_LENGTH = 4096;

/** How the user signed in (RFC 8176 `amr` values). */
export type AuthMethod = 'pwd' | 'otp' | 'hwk' | 'swk' | 'fed' | 'mfa';
export const AUTH_METHODS: readonly AuthMethod[] = ['pwd', 'otp', 'hwk', 'swk', 'fed', 'mfa'];

export interface TokenClaims {
  sub: string;
  sid: string;
  jti: string;
  iat: number;
  exp: number;
  /**
   * Space-separated scopes: on personal API tokens, and on sign-in tokens narrowed by the token
   * endpoint's `scope` (see scopes.ts: a sign-in token always carries auth_time, an API token never).
   */
  scope?: string;
  /** Seconds: the interactive sign-in this token descends from (OIDC Core), unchanged by refresh. */
  auth_time?: number;
  /** How that sign-in was made (RFC 8176). */
  amr?: AuthMethod[];
}

export interface IssuedToken {
  token: string;
  claims: TokenClaims;
}

export type VerifyFailure = 'malformed' | 'expired' | 'invalid';
export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: VerifyFailure };

/**
 * Whether claims belong to a personal API token rather than a sign-in. Every sign-in token is
 * issued with `auth_time`; an API token never is, and always carries its `scope`. (Tokens from
 * before auth_time existed: only API tokens had a scope then, so the rule holds for them too.)
 */
export function isApiTokenClaims(claims: Pick<TokenClaims, 'scope' | 'auth_time'>): boolean {
  return claims.scope !== undefined && claims.auth_time === undefined;
}

/**
 * auth_time of a token in seconds. A token from before the claim existed reads as its family's
 * creation time (the sid is a UUIDv7, so it carries that time). A personal API token is no
 * sign-in at all: 0, so it never counts as recent.
 */
export function authTimeOf(claims: TokenClaims): number {
  if (claims.auth_time !== undefined) return claims.auth_time;
  if (isApiTokenClaims(claims)) return 0;
  return Math.floor((uuidv7Time(claims.sid) ?? claims.iat * 1000) / 1000);
}

/** Personal API tokens may live up to a year. */
export const API_TOKEN_MAX_TTL_SECONDS = 366 * 24 * 3600;

export function tokenLifetime(kind: TokenKind): number {
  const config = env();
  return kind === 'access' ? config.AUTH_ACCESS_TTL : config.AUTH_REFRESH_TTL;
}

export async function signToken(
  kind: TokenKind,
  subject: {
    sub: string;
    sid: string;
    scope?: string;
    ttlSeconds?: number;
    auth_time?: number;
    amr?: AuthMethod[];
    /** Re-sign a recorded token exactly (the refresh grace window): its jti, iat and exp. */
    exact?: { jti: string; iat: number; exp: number };
    /** No token of the family may outlive this (seconds): the session's absolute end. */
    notAfter?: number;
  },
  nowMs: number = Date.now(),
): Promise<IssuedToken> {
  const config = env();
  const keys = await getKeySet();
  const iat = subject.exact?.iat ?? Math.floor(nowMs / 1000);
  const exp = subject.exact?.exp ?? Math.min(iat + (subject.ttlSeconds ?? tokenLifetime(kind)), subject.notAfter ?? Infinity);
  const claims: TokenClaims = {
    sub: subject.sub,
    sid: subject.sid,
    jti: subject.exact?.jti ?? uuidv7(nowMs),
    iat,
    exp,
    ...(subject.scope !== undefined ? { scope: subject.scope } : {}),
    ...(subject.auth_time !== undefined ? { auth_time: subject.auth_time } : {}),
    ...(subject.amr !== undefined ? { amr: subject.amr } : {}),
  };
  // sub, jti, iat and exp are set through the builder below; the rest travel as they are.
  const extra = {
    sid: claims.sid,
    ...(claims.scope !== undefined ? { scope: claims.scope } : {}),
    ...(claims.auth_time !== undefined ? { auth_time: claims.auth_time } : {}),
    ...(claims.amr !== undefined ? { amr: claims.amr } : {}),
  };
  const token = await new SignJWT(extra)
    .setProtectedHeader({ alg: keys.alg, typ: TOKEN_TYPES[kind], ...(keys.kid ? { kid: keys.kid } : {}) })
    .setIssuer(config.AUTH_ISSUER)
    .setAudience(config.AUTH_AUDIENCE)
    .setSubject(claims.sub)
    .setJti(claims.jti)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.exp)
    .sign(keys.signingKey);
  return { token, claims };
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
/** Header members that tell a verifier where to fetch a key. We never fetch; we refuse. */
const KEY_LOCATING_HEADERS = ['jku', 'x5u', 'jwk', 'x5c', 'x5t', 'x5t#S256'];

/**
 * Why a token was refused, precisely: what verifyToken() reduces to its three coarse reasons.
 * Only explainRejection() (the /learn page's tamper demo) exposes it; requests never need it.
 */
export type RejectionCode =
  | 'malformed'
  | 'key_header'
  | 'algorithm'
  | 'unknown_key'
  | 'signature'
  | 'payload'
  | 'type'
  | 'missing_claim'
  | 'issuer'
  | 'audience'
  | 'not_yet_valid'
  | 'issued_in_future'
  | 'too_old'
  | 'expired'
  | 'claims'
  | 'lifetime';

export interface Rejection {
  ok: false;
  reason: VerifyFailure;
  code: RejectionCode;
  /** The claim jose named, when it named one. */
  claim?: string;
}

const reject = (reason: VerifyFailure, code: RejectionCode, claim?: string): Rejection => ({
  ok: false,
  reason,
  code,
  ...(claim !== undefined ? { claim } : {}),
});

/** Cheap structural checks before any cryptography: size, shape, and hostile header members. */
function precheck(token: string): Rejection | null {
  if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) return reject('malformed', 'malformed');
  try {
    const header = decodeProtectedHeader(token) as Record<string, unknown>;
    if (KEY_LOCATING_HEADERS.some((name) => name in header)) return reject('invalid', 'key_header');
    if (header.kid !== undefined && (typeof header.kid !== 'string' || header.kid.length > 64)) return reject('invalid', 'key_header');
  } catch {
    return reject('malformed', 'malformed');
  }
  return null;
}

function maxLifetime(kind: TokenKind): number {
  return kind === 'access' ? Math.max(tokenLifetime('access'), API_TOKEN_MAX_TTL_SECONDS) : tokenLifetime(kind);
}

function toClaims(payload: JWTPayload): TokenClaims | null {
  const { sub, sid, jti, iat, exp, scope, auth_time, amr } = payload as JWTPayload & { sid?: unknown; scope?: unknown; auth_time?: unknown; amr?: unknown };
  if (typeof sub !== 'string' || !isUuidv7(jti) || !isUuidv7(sid)) return null;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: jose has refused a non-numeric iat or exp already; this narrows the type
  if (typeof iat !== 'number' || typeof exp !== 'number') return null;
  if (scope !== undefined && typeof scope !== 'string') return null;
  if (auth_time !== undefined && (typeof auth_time !== 'number' || !Number.isInteger(auth_time) || auth_time > iat + CLOCK_TOLERANCE_SECONDS)) return null;
  if (amr !== undefined && (!Array.isArray(amr) || amr.length > 6 || !amr.every((m) => (AUTH_METHODS as readonly unknown[]).includes(m)))) return null;
  return {
    sub,
    sid,
    jti,
    iat,
    exp,
    ...(scope !== undefined ? { scope } : {}),
    ...(auth_time !== undefined ? { auth_time } : {}),
    ...(amr !== undefined ? { amr: amr as AuthMethod[] } : {}),
  };
}

// Verified tokens, memoised by exact string until they expire. A hit skips only the signature
// check, which is pure: the same string verifies the same way until exp. Revocation is checked by
// the caller on every request regardless. Bounded: the oldest entry goes when it is full.
export const MEMO_LIMIT = 10_000;
const verified = new Map<string, TokenClaims>();

function remember(key: string, claims: TokenClaims): void {
  if (verified.size >= MEMO_LIMIT) verified.delete(verified.keys().next().value!);
  verified.set(key, claims);
}

export function clearVerifyMemo(): void {
  verified.clear();
}

export async function verifyToken(kind: TokenKind, token: string, nowMs: number = Date.now()): Promise<VerifyResult> {
  // Stryker disable next-line StringLiteral: without the space the keys are as distinct (a kind is a word, a token starts with "eyJ")
  const memoKey = kind + ' ' + token;
  const hit = verified.get(memoKey);
  if (hit) {
    if (hit.exp + CLOCK_TOLERANCE_SECONDS > nowMs / 1000) return { ok: true, claims: hit };
    verified.delete(memoKey);
    return { ok: false, reason: 'expired' };
  }
  const result = await verifyUncached(kind, token, nowMs);
  if (!result.ok) return { ok: false, reason: result.reason };
  remember(memoKey, result.claims);
  return result;
}

/**
 * The same verification as verifyToken() (same options, same order, no memo), reporting exactly
 * which check refused the token. For teaching and diagnostics; never for deciding access.
 */
export function explainRejection(
  kind: TokenKind,
  token: string,
  nowMs: number = Date.now(),
): Promise<{ ok: true; claims: TokenClaims } | Rejection> {
  return verifyUncached(kind, token, nowMs);
}

function joseRejection(error: InstanceType<typeof errors.JOSEError>): Rejection {
  if (error instanceof errors.JWTExpired) return reject('expired', error.claim === 'iat' ? 'too_old' : 'expired', error.claim);
  if (error instanceof errors.JWTClaimValidationFailed) {
    const { claim } = error;
    if (error.reason === 'missing') return reject('invalid', 'missing_claim', claim);
    const byClaim: Record<string, RejectionCode> = { typ: 'type', iss: 'issuer', aud: 'audience', nbf: 'not_yet_valid', iat: 'issued_in_future' };
    return reject('invalid', byClaim[claim] ?? 'claims', claim);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return reject('invalid', 'signature');
  if (error instanceof errors.JOSEAlgNotAllowed) return reject('invalid', 'algorithm');
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return reject('invalid', 'unknown_key');
  if (error instanceof errors.JWTInvalid) return reject('invalid', 'payload');
  return reject('invalid', 'malformed');
}

async function verifyUncached(kind: TokenKind, token: string, nowMs: number): Promise<{ ok: true; claims: TokenClaims } | Rejection> {
  // The kind names the `typ` the token must carry; an unknown one (a caller's bug) would check none.
  if (!Object.hasOwn(TOKEN_TYPES, kind)) throw new TypeError(`unknown token kind: ${JSON.stringify(kind)}`);
  const problem = precheck(token);
  if (problem) return problem;

  const config = env();
  const keys = await getKeySet();
  try {
    const { payload } = await jwtVerify(token, keys.verificationKey as Parameters<typeof jwtVerify>[1], {
      algorithms: [keys.alg],
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      typ: TOKEN_TYPES[kind],
      requiredClaims: ['exp', 'iat', 'jti', 'sub', 'sid'],
      // The widest lifetime a token of this kind can have; the exact one is checked below.
      maxTokenAge: maxLifetime(kind) + CLOCK_TOLERANCE_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(nowMs),
    });
    const claims = toClaims(payload);
    if (!claims) return reject('invalid', 'claims');
    // A sign-in access token lives AUTH_ACCESS_TTL; only personal API tokens may live longer.
    const lifetime = kind === 'access' && isApiTokenClaims(claims) ? API_TOKEN_MAX_TTL_SECONDS : tokenLifetime(kind);
    if (claims.exp - claims.iat > lifetime) return reject('invalid', 'lifetime');
    if (nowMs / 1000 - claims.iat > lifetime + CLOCK_TOLERANCE_SECONDS) return reject('expired', 'too_old');
    return { ok: true, claims };
  } catch (error) {
    if (error instanceof errors.JOSEError) return joseRejection(error);
    // Stryker disable next-line all: unreached: jose 6 reports every bad token as a JOSEError (above); a guard against an update turning one into a 500
    if (error instanceof TypeError || error instanceof SyntaxError) return reject('invalid', 'malformed');
    throw error;
  }
}
