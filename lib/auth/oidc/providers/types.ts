// What every sign-in provider module gives the flow (lib/auth/oidc/flow.ts). Adding a provider is
// one module implementing this plus its entry in providers/index.ts and its variables in lib/env.ts.

/** Who the provider says the person is. Only `subject` is stable; the address can change there. */
export interface ProviderIdentity {
  subject: string;
  email: string | null;
  /** True only when the provider itself says it verified `email`. */
  emailVerified: boolean;
  name: string | null;
  /** When the person last signed in at the provider (seconds; OIDC `auth_time`), when it says. */
  authTime?: number;
}

export interface AuthorizationRequest {
  redirectUri: string;
  state: string;
  nonce: string;
  codeChallenge: string;
  /** Ask the provider to sign the person in again now (prompt=login, max_age=0). */
  reauth: boolean;
}

export interface CallbackInput {
  /** The redirect URI with the callback's query string. */
  callbackUrl: URL;
  redirectUri: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface SignInProvider {
  /** The registry key, used in URLs: /api/auth/oidc/start?provider=<key>. */
  key: string;
  /** "Continue with <label>". For display only, never stored. */
  label: string;
  /** What Account.provider stores: the OIDC issuer URL, or a fixed name for a non-OIDC provider. */
  accountProvider: string;
  /** Whether the provider can prove a fresh sign-in (auth_time), so it can serve as step-up. */
  supportsReauth: boolean;
  authorizationUrl(request: AuthorizationRequest): Promise<URL>;
  /** Exchanges the code and verifies what comes back; throws ProviderError when anything is off. */
  completeSignIn(input: CallbackInput): Promise<ProviderIdentity>;
}

/** Why a provider's answer was not accepted: each code has a message on /login or /account. */
export type ProviderErrorCode = 'denied' | 'expired_code' | 'token_rejected' | 'provider_unavailable' | 'bad_state';

export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    readonly code: ProviderErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
