// The two-step sign-in section of /account: status, turn on (a set-up page with the QR code),
// turn off, and new recovery codes.
import { SubmitButton } from '@/app/_components/submit-button';
import { totpStatus } from '@/lib/auth/totp';
import { disableTotpAction, startTotpAction } from '../strong-actions';
import { NewRecoveryCodes } from './new-recovery-codes';

export async function TwoStep({ userId }: { userId: string }) {
  const status = await totpStatus(userId);
  return (
    <section id="two-step" className="card stack" aria-labelledby="two-step-title">
      <h2 id="two-step-title">Two-step sign-in</h2>
      {status.enabled ? (
        <>
          <p data-testid="two-step-status">
            <strong>On.</strong> After your password, you enter a code from your authenticator app. Recovery codes left:{' '}
            <span data-testid="recovery-codes-left">{status.recoveryCodesLeft}</span>.
          </p>
          <NewRecoveryCodes />
          <form action={disableTotpAction}>
            <SubmitButton className="button danger" pendingText="Turning off…">
              Turn off two-step sign-in
            </SubmitButton>
          </form>
        </>
      ) : (
        <>
          <p data-testid="two-step-status">
            <strong>Off.</strong> Add a second step after your password: a 6-digit code from an authenticator app (1Password, Google
            Authenticator, Aegis…). Turning it on or off signs out your other devices.
          </p>
          <form action={startTotpAction}>
            <SubmitButton pendingText="Starting…">{status.pending ? 'Continue setting up two-step sign-in' : 'Turn on two-step sign-in'}</SubmitButton>
          </form>
        </>
      )}
    </section>
  );
}
