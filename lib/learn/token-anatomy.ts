// Taking a compact JWS apart for the /learn page: its three parts, decoded, and what each claim
// means. Pure and runtime-neutral. Decoding is not verifying: anyone can read a payload, which is
// why the app puts nothing in it beyond `sub`.
import { base64url } from 'jose';

export interface TokenParts {
  header: string;
  payload: string;
  signature: string;
}

export type JsonObject = Record<string, unknown>;

export interface DecodedToken {
  parts: TokenParts;
  header: JsonObject;
  payload: JsonObject;
}

/** The three base64url segments of a compact token, or null when it is not three of them. */
export function splitToken(token: string): TokenParts | null {
  const segments = token.split('.');
  if (segments.length !== 3 || segments.some((s) => !/^[A-Za-z0-9_-]*$/.test(s))) return null;
  const [header, payload, signature] = segments as [string, string, string];
  return { header, payload, signature };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** base64url → UTF-8 → JSON object, or null. */
export function decodeSegment(segment: string): JsonObject | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(base64url.decode(segment)));
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

export function encodeSegment(value: JsonObject): string {
  return base64url.encode(JSON.stringify(value));
}

export function decodeToken(token: string): DecodedToken | null {
  const parts = splitToken(token);
  if (!parts) return null;
  const header = decodeSegment(parts.header);
  const payload = decodeSegment(parts.payload);
  return header && payload ? { parts, header, payload } : null;
}

/** JSON equality that ignores key order: `{"a":1,"b":2}` and `{"b":2,"a":1}` are the same claims. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What an attacker holding the token can do: keep its header and signature, swap in a payload of
 * their choosing. The result is well-formed; only the signature check can tell.
 */
export function withPayload(token: string, payload: JsonObject): string | null {
  const parts = splitToken(token);
  if (!parts) return null;
  return `${parts.header}.${encodeSegment(payload)}.${parts.signature}`;
}

export interface ClaimRow {
  name: string;
  part: 'header' | 'payload';
  /** The value as JSON shows it. */
  value: string;
  /** For NumericDate claims: the instant, as an ISO string. */
  instant?: string;
  meaning: string;
}

const MEANINGS: Record<string, { part: 'header' | 'payload'; meaning: string }> = {
  alg: { part: 'header', meaning: 'Signature algorithm. The server accepts exactly one (never "none"), whatever this says.' },
  typ: { part: 'header', meaning: 'Token type: "at+jwt" is an access token (RFC 9068). A refresh token ("refresh+jwt") is refused here, and vice versa.' },
  kid: { part: 'header', meaning: 'Key id: which of the configured keys signed it. It only ever selects among keys the server already holds.' },
  iss: { part: 'payload', meaning: 'Issuer: who made the token. Must equal this app\'s AUTH_ISSUER.' },
  aud: { part: 'payload', meaning: 'Audience: who the token is for. Must equal AUTH_AUDIENCE, so a token minted for another service is useless here.' },
  sub: { part: 'payload', meaning: 'Subject: your user id. The only personal datum in the token, because anyone holding it can read the payload.' },
  iat: { part: 'payload', meaning: 'Issued at (seconds since 1970). Tokens issued before your last "sign out everywhere" are refused by the database check.' },
  exp: { part: 'payload', meaning: 'Expires at. After this (plus a few seconds of clock tolerance) every machine refuses it, no database needed.' },
  jti: { part: 'payload', meaning: 'Token id, a UUIDv7. Sign-out revokes by this id (never by the token string).' },
  sid: { part: 'payload', meaning: 'Session (sign-in) id: every token of one sign-in shares it, so one revocation row ends the whole sign-in.' },
  scope: { part: 'payload', meaning: 'Scopes of a personal API token. Sign-in tokens have none.' },
};

const NUMERIC_DATES = new Set(['iat', 'exp', 'nbf']);

/** One row per claim, header first, in the order a reader meets them. */
export function describeClaims(header: JsonObject, payload: JsonObject): ClaimRow[] {
  const rows: ClaimRow[] = [];
  const add = (part: 'header' | 'payload', source: JsonObject) => {
    for (const [name, raw] of Object.entries(source)) {
      const known = MEANINGS[name];
      const row: ClaimRow = {
        name,
        part,
        value: JSON.stringify(raw),
        meaning: known && known.part === part ? known.meaning : 'Not a claim this app sets or reads.',
      };
      if (NUMERIC_DATES.has(name) && typeof raw === 'number' && Number.isFinite(raw)) {
        const date = new Date(raw * 1000);
        if (!Number.isNaN(date.getTime())) row.instant = date.toISOString();
      }
      rows.push(row);
    }
  };
  add('header', header);
  add('payload', payload);
  return rows;
}
