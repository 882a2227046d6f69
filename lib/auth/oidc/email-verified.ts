// Whether this app regards a user's address as verified. Linking a provider identity to an
// existing account by address needs BOTH the provider and this app to have verified it: otherwise
// whoever registered the address first (here, or at the provider) could take over the other's
// account (pre-account takeover).
//
// Verified here means: the owner followed the link of a verification mail (User.emailVerifiedAt),
// or a provider that verified the address vouched for it (an account created through a provider
// keeps that address on its Account row). An account made with a password is unverified until
// its verification mail is followed.
import 'server-only';

export interface VerifiableUser {
  email: string;
  emailVerifiedAt: Date | null;
  /** The addresses that linked providers vouched for. */
  accounts: { email: string | null }[];
}

export function isEmailVerified(user: VerifiableUser): boolean {
  if (user.emailVerifiedAt !== null) return true;
  return user.accounts.some((account) => account.email !== null && account.email === user.email);
}
