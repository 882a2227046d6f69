// The /learn tamper demo: the requester's own access token with a payload they edited, checked by
// the real verification. The client never holds the token: the server takes it from the cookie,
// and answers with the verdict alone (no token, no signature). Throttled per user.
import { handler } from '@/lib/auth/guards';
import { requestCredential } from '@/lib/auth/session';
import { unauthorized } from '@/lib/errors';
import { json, readJson } from '@/lib/http';
import { tamperVerdict } from '@/lib/learn/verdict';
import { verifyEditSchema } from '@/lib/learn/verify-schema';
import type { z } from '@/lib/validation/zod';
import type { tamperVerdictSchema } from '@/lib/validation/responses';

export const POST = handler({ auth: 'required', origin: 'always' }, async (request, { session }) => {
  const credential = await requestCredential(request);
  // For people signed in with the cookie; a program has its token already.
  if (credential.via !== 'cookie') throw unauthorized('Sign in with the browser to use this demo.');
  const { payload } = await readJson(request, verifyEditSchema);
  return json((await tamperVerdict(session.user.id, credential.token, payload)) satisfies z.output<typeof tamperVerdictSchema>);
});
