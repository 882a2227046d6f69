// POST /api/account/password {currentPassword,newPassword,signOutOtherSessions?,revokeApiTokens?}
// → {sessionsEnded, apiTokensRevoked}. The same function as the form on /account.
import { changePassword } from '@/lib/auth/accounts';
import { requireAccountSession } from '@/lib/auth/account-api';
import { requestFacts } from '@/lib/auth/respond';
import { json, readJson, route } from '@/lib/http';
import { accountPasswordSchema } from '@/lib/validation/email';

export const POST = route(async (request) => {
  const session = await requireAccountSession(request, { write: true });
  const input = await readJson(request, accountPasswordSchema);
  const { otherSessionsEnded, apiTokensRevoked } = await changePassword({
    userId: session.user.id,
    currentSid: session.claims.sid,
    currentPassword: input.currentPassword!,
    newPassword: input.newPassword,
    signOutOthers: input.signOutOtherSessions,
    revokeApiTokens: input.revokeApiTokens,
    meta: requestFacts(request).meta,
  });
  return json({ sessionsEnded: otherSessionsEnded, apiTokensRevoked });
});
