'use client';
// "Add a passkey": registration options from the server, the browser's passkey dialog, then the
// new credential back to the server. A stale sign-in is asked to confirm it is you first.
import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore } from 'react';
import { ApiError, postJson } from '@/app/_components/post-json';
import { passkeyErrorMessage } from '@/app/_components/passkey-error';

const noSubscription = () => () => {};

export function AddPasskey() {
  const router = useRouter();
  // Passkeys need JavaScript and a browser that has them: nothing is rendered otherwise.
  const supported = useSyncExternalStore(noSubscription, browserSupportsWebAuthn, () => false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [reauth, setReauth] = useState(false);
  const [added, setAdded] = useState<string>();

  if (!supported) return <p className="muted">Adding a passkey needs JavaScript and a browser with passkeys.</p>;

  async function add() {
    setBusy(true);
    setMessage(undefined);
    setAdded(undefined);
    try {
      const { options } = await postJson<{ options: Parameters<typeof startRegistration>[0]['optionsJSON'] }>('/api/account/passkeys/options', {});
      const response = await startRegistration({ optionsJSON: options });
      const { passkey } = await postJson<{ passkey: { name: string } }>('/api/account/passkeys', { response, name: name.trim() || 'Passkey' });
      setAdded(`Passkey “${passkey.name}” added.`);
      setName('');
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'reauth_required') setReauth(true);
      setMessage(passkeyErrorMessage(error, 'The passkey was not created.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <div role="status" aria-live="polite" className={added ? 'success' : 'visually-hidden'}>
        {added}
      </div>
      <div role="alert" aria-live="assertive" className={message ? 'form-error' : 'visually-hidden'}>
        {message}
        {reauth ? (
          <>
            {' '}
            <Link href="/account/reauth?next=%2Faccount%23passkeys">Confirm it is you</Link>
          </>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="passkey-name">Passkey name</label>
        <input id="passkey-name" name="name" value={name} onChange={(event) => setName(event.target.value)} maxLength={60} placeholder="e.g. Work laptop" aria-describedby="passkey-name-hint" />
        <p id="passkey-name-hint" className="hint">
          So you can tell your passkeys apart.
        </p>
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Waiting for your passkey…' : 'Add a passkey'}
      </button>
    </form>
  );
}
