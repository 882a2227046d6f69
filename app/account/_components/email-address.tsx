// /account's email section: the address, whether it is verified (with "Resend" while it is not),
// a pending change, and the change-of-address form. Says so when this server sends no mail.
import { pendingEmailChange } from '@/lib/auth/email-flows';
import { mailEnabled } from '@/lib/mail/config';
import { ChangeEmailForm, ResendVerificationForm } from './email-forms';

/** `verified`: as this request's session check read it (SignedInUser.emailVerified). */
export async function EmailAddress({ userId, verified }: { userId: string; verified: boolean }) {
  const pendingEmail = await pendingEmailChange({ userId });
  const enabled = mailEnabled();
  return (
    <section className="card stack" aria-labelledby="email-title">
      <h2 id="email-title">Email address</h2>
      <p>
        Your address (shown above) is{' '}
        <span data-testid="email-status" className={verified ? 'badge badge-in' : 'badge badge-low'}>
          {verified ? 'Verified' : 'Not verified'}
        </span>
      </p>
      {!enabled ? (
        <p className="notice" role="status">
          Email is not available on this server: addresses cannot be verified or changed by mail here.
        </p>
      ) : (
        <>
          {!verified ? <ResendVerificationForm /> : null}
          {pendingEmail ? (
            <p className="notice" data-testid="pending-email">
              Waiting for confirmation from {pendingEmail}: open the link we sent there.
            </p>
          ) : null}
          <ChangeEmailForm />
        </>
      )}
    </section>
  );
}
