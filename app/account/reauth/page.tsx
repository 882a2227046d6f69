// The re-auth prompt of step-up: a sensitive change needs a recent sign-in, so the user confirms
// with their password (or a passkey) and is sent back to what they were doing.
import type { Metadata } from 'next';
import { safeNextPath } from '@/lib/auth/http';
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
  const hasPasskeys = (await listPasskeys({ userId: user.id })).length > 0;
  const place = PLACES[next];
  return (
    <section className="auth-page" aria-labelledby="reauth-title">
      <h1 id="reauth-title">Confirm it is you</h1>
      <p>
        You signed in a while ago. For your safety, {place ? `${place} needs` : 'this change needs'} a recent sign-in: enter your
        password{hasPasskeys ? ' or use a passkey' : ''}, and you will go straight back to carry on.
      </p>
      <ReauthForm next={next} />
      {hasPasskeys ? <ReauthWithPasskey next={next} /> : null}
    </section>
  );
}
