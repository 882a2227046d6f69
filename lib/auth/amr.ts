// How a sign-in happened, in words (the `amr` claim, RFC 8176). Runtime-neutral.
import type { AuthMethod } from './tokens';

const WORDS: Record<AuthMethod, string> = {
  pwd: 'password',
  otp: 'one-time code',
  hwk: 'passkey (on this device)',
  swk: 'passkey (synced)',
  fed: 'another provider',
  mfa: 'two factors',
};

/** "password + one-time code (two factors)"; a token from before amr existed reads as a password sign-in. */
export function describeAmr(amr: readonly AuthMethod[] | undefined): string {
  const methods = amr && amr.length ? amr : (['pwd'] as const);
  const factors = methods.filter((m) => m !== 'mfa').map((m) => WORDS[m]);
  return `${factors.join(' + ')}${methods.includes('mfa') ? ' (two factors)' : ''}`;
}
