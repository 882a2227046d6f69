// What a person reads when a provider sign-in, link or re-authentication is refused. The callback
// redirects with `?oidc_error=<code>`; /login and /account show the message for a known code only
// (anything else in the URL is ignored, so a crafted link cannot put words on the page).
import { ownEntry } from '@/lib/format/lookup';

export const OIDC_ERROR_MESSAGES = {
  denied: 'Sign-in was cancelled at the provider. Nothing was changed.',
  bad_state: 'That sign-in attempt did not start in this browser, so it was refused. Try again.',
  expired_state: 'That sign-in attempt expired or was already used. Try again.',
  expired_code: 'The provider’s sign-in code expired or was already used. Try again.',
  token_rejected: 'The answer from the sign-in provider could not be verified, so it was refused. Try again.',
  provider_unavailable: 'The sign-in provider could not be reached. Try again in a moment.',
  unknown_provider: 'That sign-in provider is not available here.',
  email_unverified: 'The provider has not verified your email address, so we cannot use it to sign you in. Verify it there, or sign up with a password.',
  link_required:
    'An account with this email address already exists. Sign in with your password, then connect this provider from your account page.',
  linked_elsewhere: 'This provider account is already connected to another account here.',
  provider_already_linked: 'Your account is already connected to another account at this provider. Disconnect it first.',
  reauth_mismatch: 'You confirmed with a different provider account than the one connected here.',
  reauth_stale: 'The provider did not ask you to sign in again, so this does not count as a recent sign-in. Try again.',
  reauth_required: 'Confirm it is you first: sign in again (or confirm with your provider), then connect the provider.',
  reauth_unsupported: 'This provider cannot confirm a recent sign-in. Use your password or a passkey.',
  unavailable: 'Signing in is temporarily unavailable. Try again in a moment.',
  last_method: 'That is the only way left to sign in to your account (a provider this site no longer offers does not count). Set a password, add a passkey or connect another provider before disconnecting it.',
  not_linked: 'That provider is not connected to your account.',
  session_changed: 'You are no longer signed in as the account that started this. Sign in and try again.',
} as const;

export type OidcErrorCode = keyof typeof OIDC_ERROR_MESSAGES;

export function oidcErrorMessage(code: unknown): string | undefined {
  return ownEntry<string>(OIDC_ERROR_MESSAGES, code);
}

/** A refusal the flow turns into a redirect with its code: never a 500, never a session. */
export class OidcFlowError extends Error {
  override name = 'OidcFlowError';
  constructor(readonly code: OidcErrorCode) {
    super(OIDC_ERROR_MESSAGES[code]);
  }
}
