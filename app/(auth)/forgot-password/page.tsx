import type { Metadata } from 'next';
import { mailEnabled } from '@/lib/mail/config';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgot your password?' };

export default function ForgotPasswordPage() {
  return (
    <section className="auth-page" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Forgot your password?</h1>
      {mailEnabled() ? (
        <ForgotPasswordForm />
      ) : (
        <p className="notice" role="status">
          Email is not available on this server, so a password cannot be reset by mail. Please contact the shop.
        </p>
      )}
    </section>
  );
}
