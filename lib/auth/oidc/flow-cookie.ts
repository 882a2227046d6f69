// The `oidc` cookie: what a sign-in at a provider must bring back to be accepted (state, nonce,
// the PKCE verifier), plus what the app itself needs afterwards (where to go, whether this is a
// sign-in, a link to the signed-in account or a re-authentication).
//
// Encrypted and authenticated (JWE, dir + A256GCM, key derived from AUTH_SECRET), so the browser
// can neither read the verifier nor change the mode or the account it names. 10 minutes, httpOnly,
// SameSite=Lax (the provider's redirect back is a top-level cross-site GET, which Lax allows),
// and cleared by the callback whatever the outcome: single use. (Only when the callback first sends
// the browser through the refresh hop, before the code is used, does it keep the cookie.)
//
// `__Host-oidc` over HTTPS (Secure, Path=/, no Domain): a sibling subdomain could otherwise plant
// its own sealed cookie, from a flow it started and finished at the provider itself, and send the
// victim to that callback URL: state and PKCE would match, and the victim would be signed in to
// the attacker's account (login CSRF). The prefix insists on Path=/, so pages receive it for the
// ten minutes too; the callback is the only reader.
import 'server-only';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from '@/lib/validation/zod';
import { env } from '@/lib/env';
import type { CookieToSet } from '../http';

export const FLOW_COOKIE_PATH = '/';
export const FLOW_TTL_SECONDS = 600;

export function flowCookieName(secure: boolean): string {
  return secure ? '__Host-oidc' : 'oidc';
}

const flowSchema = z.object({
  /** The provider's key in the registry ("oidc", "github"). */
  provider: z.string().min(1).max(40),
  state: z.string().min(16).max(200),
  nonce: z.string().min(16).max(200),
  verifier: z.string().min(43).max(128),
  next: z.string().max(2048),
  mode: z.enum(['signin', 'link', 'reauth']),
  /** For link and reauth: the signed-in user and sign-in family the flow belongs to. */
  userId: z.string().optional(),
  sid: z.string().optional(),
  /** When the flow started (seconds): a re-authentication must have happened after it. */
  startedAt: z.number().int(),
});
export type FlowState = z.infer<typeof flowSchema>;

const PURPOSE = 'tokenshop oidc flow cookie v1';
let keyPromise: Promise<Uint8Array> | undefined;
let keySecret: string | undefined;

/** A 256-bit key for this cookie alone, derived from AUTH_SECRET with HKDF-SHA-256. */
function flowKey(): Promise<Uint8Array> {
  const secret = env().AUTH_SECRET;
  if (!keyPromise || keySecret !== secret) {
    keySecret = secret;
    keyPromise = (async () => {
      const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'HKDF', false, ['deriveBits']);
      const bits = await crypto.subtle.deriveBits(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode(PURPOSE) },
        material,
        256,
      );
      return new Uint8Array(bits);
    })();
  }
  return keyPromise;
}

export async function sealFlow(flow: FlowState, nowMs = Date.now()): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  return new EncryptJWT({ flow })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + FLOW_TTL_SECONDS)
    .encrypt(await flowKey());
}

/** The flow the cookie names, or null when it is missing, tampered with or older than 10 minutes. */
export async function openFlow(sealed: string | undefined, nowMs = Date.now()): Promise<FlowState | null> {
  if (!sealed || sealed.length > 4096) return null;
  try {
    const { payload } = await jwtDecrypt(sealed, await flowKey(), {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
      currentDate: new Date(nowMs),
      requiredClaims: ['exp', 'iat'],
    });
    const parsed = flowSchema.safeParse(payload.flow);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function flowCookie(value: string, secure: boolean): CookieToSet {
  return {
    name: flowCookieName(secure),
    value,
    options: { httpOnly: true, secure, sameSite: 'lax', path: FLOW_COOKIE_PATH, maxAge: FLOW_TTL_SECONDS },
  };
}

export function clearedFlowCookie(secure: boolean): CookieToSet {
  return { ...flowCookie('', secure), options: { ...flowCookie('', secure).options, maxAge: 0 } };
}
