// The tamper demo's verdict, shared by POST /api/learn/verify (JSON) and the /learn form's server
// action (which also works without JavaScript). Only the verdict leaves the server: never the
// token, never a signature, so the demo cannot hand a working credential to page scripts.
import 'server-only';
import { consumeAttempt } from '@/lib/auth/accounts';
import { checkAccessToken } from '@/lib/auth/session';
import type { RejectionCode } from '@/lib/auth/tokens';
import { verifyEditedPayload } from './tamper';
import type { JsonObject } from './token-anatomy';

export interface TamperVerdict {
  valid: boolean;
  changed: boolean;
  reason: RejectionCode | 'revoked' | null;
  explanation: string;
}

/**
 * Verifies the caller's own access token (`token`, from their cookie) with `payload` swapped in.
 * Throttled per user (an oracle for the verification, however harmless, is still an oracle).
 */
export async function tamperVerdict(userId: string, token: string, payload: JsonObject): Promise<TamperVerdict> {
  await consumeAttempt('learnVerify', userId);
  const outcome = await verifyEditedPayload(token, payload);
  if (outcome.changed) return { valid: outcome.valid, changed: true, reason: outcome.reason, explanation: outcome.explanation };
  if (!outcome.valid) return { valid: false, changed: false, reason: outcome.reason, explanation: outcome.explanation };
  // The signature holds; now the check every page also makes: user exists, not revoked.
  const session = await checkAccessToken(token, 'cookie');
  return {
    valid: session !== null,
    changed: false,
    reason: session ? null : 'revoked',
    explanation: session
      ? 'Unchanged: the signature matches, the claims check out, and the database says this token and its sign-in are not revoked.'
      : 'The signature matches, but the database says this token or its sign-in has been revoked.',
  };
}
