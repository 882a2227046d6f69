// The re-auth prompt of step-up: a sensitive change needs a recent sign-in, so the user confirms
// with what their account has (its password, a passkey, or a connected provider that can prove a
// fresh sign-in) and is sent back to what they were doing.
import type { Metadata } from 'next';
import { hasPassword } from '@/lib/auth/accounts';
import { safeNextPath } from '@/lib/auth/http';
import { listLinkedProviders, reauthProviders } from '@/lib/auth/oidc';
import { listPasskeys } from '@/lib/auth/passkeys';
import { requirePageSession } from '@/lib/auth/session';
import { ReauthForm } from './reauth-form';
import { ReauthWithPasskey } from './reauth-passkey';

export const metadata: Metadata = { title: 'Confirm it is you', robots: { index: false } };

const PLACES: Record<string, string> = {
  '/account#password': 'changing your password',
  '/account#passkeys': 'managing your passkeys',
  '/account#providers': 'disconnecting a sign-in provider',
  '/account#two-step': 'your two-step sign-in settings',
  '/account/two-step': 'setting up two-step sign-in',
  '/account#api-tokens': 'creating an API token',
  '/account#delete-account': 'deleting your account',
};

export default async function ReauthPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === 'string' ? params.next : undefined, '/account');
  const { user } = await requirePageSession(`/account/reauth?next=${encodeURIComponent(next)}`);
  const [passwordSet, passkeys, linked] = await Promise.all([hasPassword(user.id), listPasskeys({ userId: user.id }), listLinkedProviders({ userId: user.id })]);
  const hasPasskeys = passkeys.length > 0;
  const providers = reauthProviders(linked);
  const ways = [passwordSet ? 'enter your password' : null, hasPasskeys ? 'use a passkey' : null, providers.length ? 'confirm with your provider' : null].filter(Boolean);
  const place = PLACES[next];
  return (
    <section className="auth-page" aria-labelledby="reauth-title">
      <h1 id="reauth-title">Confirm it is you</h1>
      {ways.length > 0 ? (
        <p>
          You signed in a while ago. For your safety, {place ? `${place} needs` : 'this change needs'} a recent sign-in: {ways.join(' or ')},
          and you will go straight back to carry on.
        </p>
      ) : (
        <p>
          You signed in a while ago, and {place ?? 'this change'} needs a recent sign-in. Your account has no password or passkey, and
          its provider cannot confirm a fresh sign-in here: sign out and sign in again, then carry on.
        </p>
      )}
      {passwordSet ? <ReauthForm next={next} /> : null}
      {hasPasskeys ? <ReauthWithPasskey next={next} /> : null}
      {providers.length > 0 ? (
        <div className="stack">
          {providers.map((p) => (
            <a key={p.key} className="button secondary" href={`/api/auth/oidc/start?provider=${encodeURIComponent(p.key)}&reauth=1&next=${encodeURIComponent(next)}`}>
              Confirm with {p.label}
            </a>
          ))}
        </div>
      ) : null}
    </section>
  );
}
