import Link from 'next/link';
import { listAuditEvents } from '@/lib/audit';
import { describeUserAgent } from '@/lib/auth/http';

/** The account's auth events, newest first, ten to a page. */
export async function Activity({ userId, page }: { userId: string; page: number }) {
  const { events, page: current, pages } = await listAuditEvents({ userId, page });
  return (
    <section className="card stack" aria-labelledby="activity-title" id="activity">
      <h2 id="activity-title">Recent activity</h2>
      {events.length === 0 ? (
        <p>No activity yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Sign-in and security events, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Device</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} data-testid="audit-event">
                <td>
                  <time dateTime={event.createdAt}>{new Date(event.createdAt).toUTCString()}</time>
                </td>
                <td>
                  {event.label}
                  {event.detail ? <span className="muted"> ({event.detail})</span> : null}
                </td>
                <td>
                  {event.userAgent ? describeUserAgent(event.userAgent) : '—'}
                  {event.ipAddress ? <span className="muted"> · {event.ipAddress}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 ? (
        <nav aria-label="Activity pages" className="pager">
          {current > 1 ? <Link href={`/account?page=${current - 1}#activity`}>Newer</Link> : <span />}
          <span>
            Page {current} of {pages}
          </span>
          {current < pages ? <Link href={`/account?page=${current + 1}#activity`}>Older</Link> : <span />}
        </nav>
      ) : null}
    </section>
  );
}
