// Re-authentication for step-up: the signed-in user proves it is them again, with their password
// or one of their passkeys, and the sign-in gets a fresh auth_time in the same family.
// Wrong passwords count per sign-in, on the same counter as change-password's current password
// (5 in 15 minutes), so this is no password oracle for someone holding a stolen cookie, and
// guesses at the sign-in form from elsewhere cannot lock the signed-in owner out of step-up.
import 'server-only';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { recordAuditEvent } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError, unauthorized } from '@/lib/errors';
import { verifyPasskeyAssertion, type RelyingParty } from './passkeys';
import { assertUnder, consumeAttempt, verifyPassword } from './accounts';
import type { RequestMeta } from './http';
import type { Session } from './session';
import { isApiToken, type AuthMethod } from './tokens';
import { reauthenticate, type TokenPair } from './sign-ins';

export const wrongPassword = () => new AppError(401, 'invalid_credentials', 'That password is not right.', { password: ['That password is not right.'] });

/** The methods the new auth_time stands for: what the sign-in had, plus what was just used. */
function mergedAmr(previous: AuthMethod[] | undefined, used: AuthMethod[]): AuthMethod[] {
  return [...new Set([...(previous ?? ['pwd']), ...used])];
}

export async function reauthenticateSession(input: {
  session: Session;
  proof: { password: string } | { passkey: AuthenticationResponseJSON; rp: RelyingParty };
  meta: RequestMeta | null;
}): Promise<TokenPair> {
  const { session } = input;
  // A personal API token can never stand for a recent sign-in.
  if (isApiToken(session.claims)) throw new AppError(403, 'insufficient_scope', 'API tokens cannot be used here; sign in instead.');
  let used: AuthMethod[];
  if ('password' in input.proof) {
    const prisma = await db();
    const user = await prisma.user.findUnique({ where: { id: session.user.id }, select: { email: true, passwordHash: true } });
    if (!user) throw unauthorized();
    const counterKey = `${session.user.id}|${session.claims.sid}`;
    await assertUnder('signedInPassword', counterKey);
    // An account made through a sign-in provider may have no password: a passkey, or the provider, then.
    if (!user.passwordHash || !(await verifyPassword(input.proof.password, user.passwordHash))) {
      await consumeAttempt('signedInPassword', counterKey);
      throw wrongPassword();
    }
    used = ['pwd'];
  } else {
    const verified = await verifyPasskeyAssertion({ response: input.proof.passkey, rp: input.proof.rp, bind: { userId: session.user.id }, meta: input.meta });
    used = verified.amr;
  }
  const tokens = await reauthenticate({ userId: session.user.id, sid: session.claims.sid, amr: mergedAmr(session.claims.amr, used) });
  await recordAuditEvent({ userId: session.user.id, type: 'reauthenticated', detail: used.includes('pwd') ? 'With the password' : 'With a passkey' }, input.meta);
  return tokens;
}
