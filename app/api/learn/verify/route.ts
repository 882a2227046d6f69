// The /learn tamper demo: the requester's own access token with a payload they edited, checked by
// the real verification. The client never holds the token: the server takes it from the cookie.
import { handler } from '@/lib/auth/guards';
import { checkAccessToken, requestCredential } from '@/lib/auth/session';
import { unauthorized } from '@/lib/errors';
import { json, readJson } from '@/lib/http';
import { verifyEditedPayload } from '@/lib/learn/tamper';
import { verifyEditSchema } from '@/lib/learn/verify-schema';

export const POST = handler({ auth: 'required', origin: 'always' }, async (request) => {
  const credential = await requestCredential(request);
  // For people signed in with the cookie; a program has its token already.
  if (credential.via !== 'cookie') throw unauthorized('Sign in with the browser to use this demo.');
  const { payload } = await readJson(request, verifyEditSchema);

  const outcome = await verifyEditedPayload(credential.token, payload);
  if (!outcome.changed) {
    if (!outcome.valid) return json({ valid: false, changed: false, reason: outcome.reason, explanation: outcome.explanation });
    // The signature holds; now the check every page also makes: user exists, not revoked.
    const session = await checkAccessToken(credential.token, 'cookie');
    return json({
      valid: session !== null,
      changed: false,
      reason: session ? null : 'revoked',
      explanation: session
        ? 'Unchanged: the signature matches, the claims check out, and the database says this token and its sign-in are not revoked.'
        : 'The signature matches, but the database says this token or its sign-in has been revoked.',
    });
  }
  return json({ valid: outcome.valid, changed: true, reason: outcome.reason, explanation: outcome.explanation, token: outcome.token });
});
