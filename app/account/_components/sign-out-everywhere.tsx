import styles from './account.module.css';

/**
 * "Sign out everywhere" behind a confirm step: a <details> that opens on the first press and holds
 * the real button, so it works the same without JavaScript and one stray click ends nothing. The
 * button posts a plain form to /api/auth/logout-all, answered 303: a full page load, so nothing of
 * the account stays in this page's memory or the client router's cache.
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
          <form method="post" action="/api/auth/logout-all">
            <button type="submit" className="button danger">
              Yes, sign out everywhere
            </button>
          </form>
        </div>
      </details>
    </section>
  );
}
