// Setting up two-step sign-in: the QR code (rendered on the server as an image, no script), the
// secret as text for apps that cannot scan, and the first code that turns it on. Like starting the
// set-up, showing the secret needs a recent sign-in (step-up).
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import QRCode from 'qrcode';
import { requirePageSession } from '@/lib/auth/session';
import { isRecentSignIn } from '@/lib/auth/step-up';
import { pendingTotp } from '@/lib/auth/totp';
import { ConfirmTotpForm } from './confirm-totp-form';

export const metadata: Metadata = { title: 'Set up two-step sign-in', robots: { index: false } };

/** The secret in groups of four, easier to type. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

const SETUP_PATH = '/account/two-step';

export default async function TwoStepSetupPage() {
  const session = await requirePageSession(SETUP_PATH);
  // The pending secret is shown to a recent sign-in only (pendingTotp insists): a stale one, maybe
  // a stolen cookie polling this page while the owner sets up, confirms it is them first and
  // comes back here.
  if (!isRecentSignIn(session)) redirect(`/account/reauth?next=${encodeURIComponent(SETUP_PATH)}`);
  const pending = await pendingTotp(session);
  if (!pending) redirect('/account#two-step');
  const qr = await QRCode.toDataURL(pending.otpauthUri, { margin: 1, width: 220, errorCorrectionLevel: 'M' });
  return (
    <section className="stack" aria-labelledby="setup-title">
      <h1 id="setup-title">Set up two-step sign-in</h1>
      <ol className="stack">
        <li>
          <p>Scan this QR code with your authenticator app:</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
          <img src={qr} width={220} height={220} alt="QR code for your authenticator app (the same secret is written out below)" />
          <p>
            Or enter this key by hand: <code data-testid="totp-secret">{grouped(pending.secret)}</code> (time-based, 6 digits, every 30 seconds).
          </p>
        </li>
        <li>
          <p>Enter the 6-digit code the app shows to turn two-step sign-in on.</p>
          <ConfirmTotpForm />
        </li>
      </ol>
    </section>
  );
}
