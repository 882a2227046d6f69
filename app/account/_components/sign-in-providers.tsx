// "Sign-in providers" on /account: what is connected, Connect (a flow with link=1), Disconnect
// (refused when it is the last way to sign in), and, for an account without a password, a way to
// confirm a recent sign-in at its provider. Works without JavaScript: links and plain forms.
import { SubmitButton } from '@/app/_components/submit-button';
import { configuredProviders, listLinkedProviders, oidcErrorMessage, reauthProviders } from '@/lib/auth/oidc';
import { unlinkProviderAction } from '../actions';
import styles from './sign-in-providers.module.css';
import { ownEntry } from '@/lib/format/lookup';

const when = (iso: string) => new Date(iso).toUTCString();

const NOTICES: Record<string, string> = {
  linked: 'Provider connected. You can now sign in with it.',
  unlinked: 'Provider disconnected.',
};

export async function SignInProviders({
  userId,
  hasPassword,
  status,
  error,
}: {
  userId: string;
  hasPassword: boolean;
  status?: string;
  error?: string;
}) {
  const linked = await listLinkedProviders({ userId });
  const configured = configuredProviders();
  if (configured.length === 0 && linked.length === 0) return null;
  const connectable = configured.filter((p) => !linked.some((l) => l.key === p.key));
  const notice = ownEntry(NOTICES, status);
  const problem = oidcErrorMessage(error);
  const reauthVia = hasPassword ? [] : reauthProviders(linked);
  return (
    <section className="card stack" id="providers" aria-labelledby="providers-title">
      <h2 id="providers-title">Sign-in providers</h2>
      {notice ? (
        <p className="success" role="status">
          {notice}
        </p>
      ) : null}
      {problem ? (
        <p className="form-error" role="alert" data-testid="provider-error">
          {problem}
        </p>
      ) : null}
      {linked.length > 0 ? (
        <ul className={styles.list}>
          {linked.map((l) => (
            <li key={l.provider} className={styles.item} data-testid="linked-provider">
              <div>
                <strong>{l.label}</strong>
                <div className="muted">
                  {l.email ? `${l.email} · ` : ''}connected {when(l.linkedAt)}
                </div>
              </div>
              <form action={unlinkProviderAction}>
                <input type="hidden" name="provider" value={l.provider} />
                <SubmitButton className="button small secondary" pendingText="Disconnecting…">
                  <span>
                    Disconnect<span className="visually-hidden"> {l.label}</span>
                  </span>
                </SubmitButton>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No provider is connected. Connect one to sign in without your password.</p>
      )}
      {connectable.length > 0 ? (
        <ul className={styles.actions}>
          {connectable.map((p) => (
            <li key={p.key}>
              <a className="button secondary" href={`/api/auth/oidc/start?provider=${encodeURIComponent(p.key)}&link=1`}>
                Connect {p.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {!hasPassword ? (
        <p className="muted">
          This account has no password: it signs in through {linked.map((l) => l.label).join(' or ') || 'a provider'}. Set a password
          below to have another way in.
        </p>
      ) : null}
      {reauthVia.length > 0 ? (
        <p className={styles.reauth}>
          {reauthVia.map((p) => (
            <a key={p.key} href={`/api/auth/oidc/start?provider=${encodeURIComponent(p.key)}&reauth=1&next=${encodeURIComponent('/account')}`}>
              Confirm it’s you with {p.label}
            </a>
          ))}
          <span className="muted"> (needed before sensitive changes when you signed in a while ago)</span>
        </p>
      ) : null}
    </section>
  );
}
