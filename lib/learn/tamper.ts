// The tamper demo: the requester's own access token with an edited payload, run through the real
// verification. Runtime-neutral (no database): the route adds the DAL check for an unchanged token.
import { explainRejection, type RejectionCode } from '@/lib/auth/tokens';
import { REJECTION_EXPLANATIONS } from './rejections';
import { decodeToken, sameJson, withPayload, type JsonObject } from './token-anatomy';

export type TamperOutcome =
  | { changed: false; valid: true }
  | { changed: false; valid: false; reason: RejectionCode; explanation: string }
  | { changed: true; valid: boolean; reason: RejectionCode | null; explanation: string; token: string };

/**
 * Replaces the payload of `token` with `payload` (keeping its header and signature) and verifies
 * the result exactly as every request is verified. An unchanged payload verifies the real token.
 */
export async function verifyEditedPayload(token: string, payload: JsonObject, nowMs = Date.now()): Promise<TamperOutcome> {
  const decoded = decodeToken(token);
  if (decoded && sameJson(decoded.payload, payload)) {
    const result = await explainRejection('access', token, nowMs);
    if (result.ok) return { changed: false, valid: true };
    return { changed: false, valid: false, reason: result.code, explanation: REJECTION_EXPLANATIONS[result.code].explanation };
  }
  const tampered = withPayload(token, payload) ?? token;
  const result = await explainRejection('access', tampered, nowMs);
  if (result.ok) {
    // Only possible if the signature check were broken: say so rather than pretend.
    return { changed: true, valid: true, reason: null, explanation: 'The edited token verified. That should be impossible.', token: tampered };
  }
  const { title, explanation } = REJECTION_EXPLANATIONS[result.code];
  return { changed: true, valid: false, reason: result.code, explanation: `Rejected: ${title}. ${explanation}`, token: tampered };
}
