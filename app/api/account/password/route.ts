// POST /api/account/password {currentPassword,newPassword,signOutOtherSessions?,revokeApiTokens?}
// → {sessionsEnded, apiTokensRevoked}. The same function as the form on /account.
import { changePassword } from '@/lib/auth/accounts';
import { handler } from '@/lib/auth/guards';
import { json, readJson } from '@/lib/http';
import { accountPasswordSchema } from '@/lib/validation/email';
import type { z } from '@/lib/validation/zod';
import type { passwordChangedSchema } from '@/lib/validation/account-responses';

/** A sign-in token only, and a recent sign-in (step-up). */
export const POST = handler({ auth: 'required', fresh: true }, async (request, { session, facts }) => {
  const input = await readJson(request, accountPasswordSchema);
  const { otherSessionsEnded, apiTokensRevoked } = await changePassword({
    userId: session.user.id,
    currentSid: session.claims.sid,
    currentPassword: input.currentPassword!,
    newPassword: input.newPassword,
    signOutOthers: input.signOutOtherSessions,
    revokeApiTokens: input.revokeApiTokens,
    meta: facts.meta,
  });
  return json({ sessionsEnded: otherSessionsEnded, apiTokensRevoked } satisfies z.output<typeof passwordChangedSchema>);
});
