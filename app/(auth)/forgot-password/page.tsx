import type { Metadata } from 'next';
import { connection } from 'next/server';
import { mailEnabled } from '@/lib/mail/config';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgot your password?' };

export default async function ForgotPasswordPage() {
  // Whether this server sends mail is read at request time (the environment of `next start`).
  await connection();
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
