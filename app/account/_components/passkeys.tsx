// The passkeys section of /account: each passkey with when it was added and last used, rename
// and remove; adding one needs JavaScript (AddPasskey).
import { SubmitButton } from '@/app/_components/submit-button';
import { listPasskeys } from '@/lib/auth/passkeys';
import { removePasskeyAction, renamePasskeyAction } from '../strong-actions';
import { AddPasskey } from './add-passkey';
import styles from './strong.module.css';

function When({ iso }: { iso: string | null }) {
  return iso ? <time dateTime={iso}>{new Date(iso).toUTCString()}</time> : <>never</>;
}

export async function Passkeys({ userId }: { userId: string }) {
  const passkeys = await listPasskeys({ userId });
  return (
    <section id="passkeys" className="card stack" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">Passkeys</h2>
      <p>Sign in with your fingerprint, face or device PIN instead of a password. A passkey sign-in needs no second step.</p>
      {passkeys.length === 0 ? (
        <p className="muted">No passkeys yet.</p>
      ) : (
        <ul className={`stack ${styles.list}`} aria-label="Your passkeys">
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="stack" data-testid="passkey">
              <strong>{passkey.name}</strong>
              <span className="muted">
                Added <When iso={passkey.createdAt} />; last used <When iso={passkey.lastUsedAt} />
              </span>
              <div className={styles.row}>
                <form action={renamePasskeyAction} className={styles.row}>
                  <input type="hidden" name="id" value={passkey.id} />
                  <label htmlFor={`rename-${passkey.id}`} className="visually-hidden">
                    New name for {passkey.name}
                  </label>
                  <input id={`rename-${passkey.id}`} name="name" defaultValue={passkey.name} maxLength={60} required />
                  <SubmitButton className="button secondary small" pendingText="Renaming…">
                    Rename
                  </SubmitButton>
                </form>
                <form action={removePasskeyAction}>
                  <input type="hidden" name="id" value={passkey.id} />
                  <SubmitButton className="button danger small" pendingText="Removing…">
                    <span>
                      Remove <span className="visually-hidden">{passkey.name}</span>
                    </span>
                  </SubmitButton>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
      <AddPasskey />
    </section>
  );
}
