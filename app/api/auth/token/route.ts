// POST /api/auth/token: the OAuth 2.0 token endpoint for programs (scripts, mobile apps).
// Grants: password (username = email) and refresh_token. The answer carries the tokens in the
// body, not in cookies: a program keeps them itself and sends `Authorization: Bearer`.
// `scope` narrows the sign-in (RFC 6749 §3.3): the access token carries only what was asked, the
// answer says so, and every refresh re-signs that scope from the sign-in's row. A refresh may
// narrow no further and never widen: a `scope` on the refresh grant must equal the sign-in's.
// A narrowed token is still a sign-in, not a personal API token. No browser is involved here:
// no `device` cookie, no known-browser counter (programs should use personal API tokens), and
// an account with two-step sign-in is refused (invalid_grant): a program cannot answer it.
import { invalidCredentials, secondStepNotPossible, signIn } from '@/lib/auth/accounts';
import { OAuthError, TOKEN_RESPONSE_HEADERS, oauthError, readTokenRequest } from '@/lib/auth/token-endpoint';
import { handler } from '@/lib/auth/guards';
import { API_SCOPES, isApiScope, normaliseScope } from '@/lib/auth/tokens';
import { grantedScope, rotateRefreshToken, type TokenPair } from '@/lib/auth/sign-ins';
import { AppError } from '@/lib/errors';
import { toErrorResponse } from '@/lib/http';
import type { OAuthErrorJson, TokenResponseJson } from '@/lib/validation/oauth';

function tokenResponse(tokens: TokenPair): Response {
  const { access, refresh } = tokens;
  return Response.json(
    {
      access_token: access.token,
      token_type: 'Bearer',
      expires_in: access.claims.exp - access.claims.iat,
      refresh_token: refresh.token,
      // A sign-in token may do everything its user may: every API scope.
      scope: access.claims.scope ?? API_SCOPES.join(' '),
    } satisfies TokenResponseJson,
    { headers: TOKEN_RESPONSE_HEADERS },
  );
}

/** No Origin rule: a program posts here with no cookie, and the answer sets none. */
export const POST = handler({ auth: 'none', origin: false }, async (request, { facts }) => {
  try {
    const grant = await readTokenRequest(request);
    if (grant.scope !== undefined && grant.scope.split(' ').some((s) => s && !isApiScope(s))) {
      throw new OAuthError('invalid_scope', `Known scopes: ${API_SCOPES.join(' ')}.`);
    }
    const scope = grant.scope !== undefined ? normaliseScope(grant.scope) : null;
    if (grant.grant_type === 'password') {
      // Any requested scope narrows, even every API scope by name: a narrowed sign-in reaches only
      // routes that name a scope, never account changes (minting tokens, signing out everywhere).
      const signInFacts = { amr: ['pwd' as const], ...(scope ? { scope } : {}) };
      const { tokens } = await signIn({ email: grant.username, password: grant.password }, facts.meta, 'program', undefined, signInFacts);
      return tokenResponse(tokens);
    }
    // Checked before rotating, so a refused request leaves the refresh token as it was.
    if (scope !== null && scope !== (await grantedScope(grant.refresh_token))) {
      throw new OAuthError('invalid_scope', 'A refresh keeps the scope of the sign-in; sign in again to change it.');
    }
    const outcome = await rotateRefreshToken(grant.refresh_token);
    if (!outcome.ok) throw new OAuthError('invalid_grant', 'The refresh token is invalid, expired or revoked.');
    return tokenResponse(outcome.tokens);
  } catch (error) {
    if (error instanceof OAuthError) return oauthError(error);
    if (error instanceof AppError && error.code === invalidCredentials().code) {
      return oauthError(new OAuthError('invalid_grant', 'The email or password is incorrect.'));
    }
    if (error instanceof AppError && error.code === secondStepNotPossible().code) {
      return oauthError(new OAuthError('invalid_grant', error.message));
    }
    if (error instanceof AppError && error.status === 429) {
      return oauthError(new OAuthError('slow_down', error.message, 429, error.headers));
    }
    const response = toErrorResponse(error);
    if (response.status < 500) return response;
    const retryAfter = response.headers.get('Retry-After');
    return Response.json(
      { error: 'temporarily_unavailable', error_description: 'Try again in a moment.' } satisfies OAuthErrorJson,
      { status: response.status, headers: { ...TOKEN_RESPONSE_HEADERS, ...(retryAfter ? { 'Retry-After': retryAfter } : {}) } },
    );
  }
});
