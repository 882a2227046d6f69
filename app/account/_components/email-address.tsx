// /account's email section: the address, whether it is verified (with "Resend" while it is not),
// a pending change, and the change-of-address form. Says so when this server sends no mail.
import { emailVerificationState } from '@/lib/auth/email-flows';
import { mailEnabled } from '@/lib/mail/config';
import { ChangeEmailForm, ResendVerificationForm } from './email-forms';

export async function EmailAddress({ userId }: { userId: string }) {
  const state = await emailVerificationState({ userId });
  const enabled = mailEnabled();
  return (
    <section className="card stack" aria-labelledby="email-title">
      <h2 id="email-title">Email address</h2>
      <p>
        Your address (shown above) is{' '}
        <span data-testid="email-status" className={state.verified ? 'badge badge-in' : 'badge badge-low'}>
          {state.verified ? 'Verified' : 'Not verified'}
        </span>
      </p>
      {!enabled ? (
        <p className="notice" role="status">
          Email is not available on this server: addresses cannot be verified or changed by mail here.
        </p>
      ) : (
        <>
          {!state.verified ? <ResendVerificationForm /> : null}
          {state.pendingEmail ? (
            <p className="notice" data-testid="pending-email">
              Waiting for confirmation from {state.pendingEmail}: open the link we sent there.
            </p>
          ) : null}
          <ChangeEmailForm />
        </>
      )}
    </section>
  );
}
