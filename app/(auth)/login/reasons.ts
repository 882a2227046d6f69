// Why the sign-in page is showing, in one sentence. An explicit `reason` (set by the refresh hop,
// the page guard or "sign out everywhere") wins; otherwise the page the visitor was going to says
// it ("Sign in to check out").
import { ownEntry } from '@/lib/format/lookup';

const REASONS: Record<string, string> = {
  expired: 'Your session expired. Sign in again to carry on.',
  revoked: 'You were signed out, from another device or because your sign-in was ended. Sign in again to carry on.',
  reuse: 'We ended your session because an old sign-in token was used again. If that was not you, change your password.',
  signed_out_everywhere: 'You are signed out on every device.',
  mfa_expired: 'Your two-step sign-in attempt ended. Sign in again with your password.',
  account_deleted: 'Your account was deleted.',
};

const DESTINATIONS: [RegExp, string][] = [
  [/^\/products\/[^?]+\?(.*&)?add=1/, 'Sign in to add this to your cart. We will add it and bring you back.'],
  [/^\/cart(\?|$)/, 'Sign in to see your cart.'],
  [/^\/checkout(\?|$)/, 'Sign in to check out. Your cart is kept.'],
  [/^\/orders(\/|\?|$)/, 'Sign in to see your orders.'],
  [/^\/account(\?|#|$)/, 'Sign in to manage your account.'],
  [/^\/learn(\?|#|$)/, 'Sign in to see your own token decoded.'],
];

export function loginReason(reason: string | undefined, next: string): string | undefined {
  const explicit = ownEntry(REASONS, reason);
  if (explicit) return explicit;
  return DESTINATIONS.find(([pattern]) => pattern.test(next))?.[1];
}
