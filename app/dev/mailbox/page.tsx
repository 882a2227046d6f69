// /dev/mailbox: in development without SMTP_URL, mail stays in the outbox and is read here, links
// and all, so `npm run dev` alone shows every flow. 404 in production and whenever SMTP is set.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { env } from '@/lib/env';
import { mailMode } from '@/lib/mail/config';
import { listMailbox } from '@/lib/mail/outbox';
import styles from './mailbox.module.css';

export const metadata: Metadata = { title: 'Development mailbox', robots: { index: false } };
export const dynamic = 'force-dynamic';

export default async function MailboxPage() {
  if (env().NODE_ENV === 'production' || mailMode() !== 'mailbox') notFound();
  const mails = await listMailbox();
  return (
    <section className="stack" aria-labelledby="mailbox-title">
      <h1 id="mailbox-title">Development mailbox</h1>
      <p className="muted">Mail this server would have sent (no SMTP_URL is set). Newest first. Only in development.</p>
      {mails.length === 0 ? <p>No mail yet.</p> : null}
      {mails.map((mail) => (
        <article key={mail.id} className="card stack" aria-label={mail.subject}>
          <h2>{mail.subject}</h2>
          <p className="muted">
            To {mail.to} · <time dateTime={mail.createdAt}>{new Date(mail.createdAt).toUTCString()}</time>
          </p>
          {mail.links.length ? (
            <ul>
              {mail.links.map((link) => (
                <li key={link}>
                  <a href={link}>{link}</a>
                </li>
              ))}
            </ul>
          ) : null}
          <pre className={styles.text}>{mail.text}</pre>
        </article>
      ))}
    </section>
  );
}
