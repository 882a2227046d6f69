'use client';
import { startAuthentication } from '@simplewebauthn/browser';
import { useState } from 'react';
import { postJson } from '@/app/_components/post-json';
import { passkeyErrorMessage } from '@/app/_components/passkey-error';

export function ReauthWithPasskey({ next }: { next: string }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  return (
    <div className="stack">
      <div role="alert" aria-live="assertive" className={message ? 'form-error' : 'visually-hidden'}>
        {message}
      </div>
      <button
        type="button"
        className="button secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setMessage(undefined);
          (async () => {
            const { options } = await postJson<{ options: Parameters<typeof startAuthentication>[0]['optionsJSON'] }>('/api/auth/reauth/options', {});
            const response = await startAuthentication({ optionsJSON: options });
            await postJson('/api/auth/reauth', { response });
            window.location.assign(next);
          })()
            .catch((error: unknown) => setMessage(passkeyErrorMessage(error, 'No passkey was chosen.')))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? 'Waiting for your passkey…' : 'Confirm with a passkey'}
      </button>
    </div>
  );
}
