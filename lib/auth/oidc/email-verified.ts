// Whether this app regards a user's address as verified. Linking a provider identity to an
// existing account by address needs BOTH the provider and this app to have verified it: otherwise
// whoever registered the address first (here, or at the provider) could take over the other's
// account (pre-account takeover).
//
// A provider-vouched address counts: an account created through a provider that verified the
// address (its Account row keeps that address) has had it verified. An account made with a
// password has not, until a verification mail proves it.
import 'server-only';

export interface VerifiableUser {
  email: string;
  /** The addresses that linked providers vouched for. */
  accounts: { email: string | null }[];
}

export function isEmailVerified(user: VerifiableUser): boolean {
  return user.accounts.some((account) => account.email !== null && account.email === user.email);
}
