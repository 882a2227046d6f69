'use client';
// "Sign in with a passkey", and passkey autofill in the email field (conditional mediation: the
// browser offers the site's passkeys among the field's suggestions). Passkeys need JavaScript;
// without it the password form works as before. A passkey sign-in is complete on its own.
import { browserSupportsWebAuthn, browserSupportsWebAuthnAutofill, startAuthentication, WebAuthnAbortService } from '@simplewebauthn/browser';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { postJson } from '@/app/_components/post-json';
import { passkeyErrorMessage } from '@/app/_components/passkey-error';

async function signInWithPasskey(next: string, autofill: boolean): Promise<void> {
  const { options } = await postJson<{ options: Parameters<typeof startAuthentication>[0]['optionsJSON'] }>('/api/auth/passkey/options', {});
  const response = await startAuthentication({ optionsJSON: options, useBrowserAutofill: autofill });
  await postJson('/api/auth/passkey/verify', { response });
  // A full page load: nothing of the signed-out page stays in memory.
  window.location.assign(next);
}

const noSubscription = () => () => {};

/** WebAuthn refuses IP-address hosts (http://127.0.0.1): offer passkeys only on a named host. */
function passkeysPossible(): boolean {
  const host = window.location.hostname;
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
  return !isIp && browserSupportsWebAuthn();
}

export function PasskeySignIn({ next }: { next: string }) {
  const supported = useSyncExternalStore(noSubscription, passkeysPossible, () => false);
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    if (!passkeysPossible()) return;
    void browserSupportsWebAuthnAutofill().then((autofill) => {
      if (!autofill || cancelled) return;
      // Waits quietly for the user to pick a passkey in the email field's suggestions. Autofill
      // is opportunistic: if it fails, the button and the password form are still there.
      signInWithPasskey(next, true).catch(() => undefined);
    });
    return () => {
      cancelled = true;
      WebAuthnAbortService.cancelCeremony();
    };
  }, [next]);

  if (!supported) return null;
  return (
    <div className="stack">
      {message ? (
        <div role="alert" className="form-error">
          {message}
        </div>
      ) : null}
      <button
        type="button"
        className="button secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setMessage(undefined);
          signInWithPasskey(next, false)
            .catch((error: unknown) => setMessage(passkeyErrorMessage(error, 'No passkey was chosen.')))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? 'Waiting for your passkey…' : 'Sign in with a passkey'}
      </button>
    </div>
  );
}
