import { logoutEverywhereAction } from '@/app/(auth)/actions';
import { SubmitButton } from '@/app/_components/submit-button';
import styles from './account.module.css';

/**
 * "Sign out everywhere" behind a confirm step: a <details> that opens on the first press and holds
 * the real button, so it works the same without JavaScript and one stray click ends nothing.
 */
export function SignOutEverywhere() {
  return (
    <section className="card stack" aria-labelledby="everywhere-title">
      <h2 id="everywhere-title">Sign out everywhere</h2>
      <p>Ends every sign-in of this account, on every device, including this one.</p>
      <details className={styles.confirmDetails}>
        <summary className="button danger">Sign out everywhere…</summary>
        <div className={styles.confirm}>
          <p>
            <strong>Sign out on every device?</strong> You will need your password to sign in again, here and everywhere else.
          </p>
          <form action={logoutEverywhereAction}>
            <SubmitButton className="button danger" pendingText="Signing out everywhere…">
              Yes, sign out everywhere
            </SubmitButton>
          </form>
        </div>
      </details>
    </section>
  );
}
