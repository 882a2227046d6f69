import { SubmitButton } from '@/app/_components/submit-button';
import { listActiveSessions } from '@/lib/auth/sign-ins';
import { endOtherSessionsAction, endSessionAction } from '../actions';

const when = (iso: string) => new Date(iso).toUTCString();

/** Where this account is signed in, with a way to end any sign-in but this one. */
export async function ActiveSessions({ userId, currentSid }: { userId: string; currentSid: string }) {
  const sessions = await listActiveSessions({ userId, currentSid });
  const others = sessions.filter((s) => !s.current);
  return (
    <section className="card stack" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you are signed in</h2>
      <ul className="session-list">
        {sessions.map((s) => (
          <li key={s.id} className="session-item" data-testid="session-item">
            <div>
              <strong>{s.device}</strong> {s.current ? <span className="badge">This device</span> : null}
              <div className="muted">
                {s.ipAddress ? `From ${s.ipAddress}` : 'Address unknown'} · signed in {when(s.createdAt)} · last active {when(s.lastRefreshedAt)}
              </div>
            </div>
            {s.current ? null : (
              <form action={endSessionAction}>
                <input type="hidden" name="sid" value={s.id} />
                <SubmitButton className="button small secondary" pendingText="Signing out…">
                  <span>
                    Sign out<span className="visually-hidden"> {s.device}, signed in {when(s.createdAt)}</span>
                  </span>
                </SubmitButton>
              </form>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <form action={endOtherSessionsAction}>
          <SubmitButton className="button secondary" pendingText="Signing out other devices…">
            Sign out all other devices
          </SubmitButton>
        </form>
      ) : (
        <p className="muted">No other device is signed in.</p>
      )}
    </section>
  );
}
