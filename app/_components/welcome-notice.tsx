// "Welcome" for someone who just created an account, shown on the page they were going to (the
// product they were adding, the cart…) rather than on a page of token timestamps. Sign-up sets a
// short-lived `welcome` cookie; this reads it, and WelcomeSeen removes it once shown.
import { cookies } from 'next/headers';
import Link from 'next/link';
import { getPageSession } from '@/lib/auth/session';
import { WELCOME_COOKIE } from '@/lib/format/welcome';
import { WelcomeSeen } from './welcome-seen';

export async function WelcomeNotice() {
  if (!(await cookies()).has(WELCOME_COOKIE)) return null;
  const session = await getPageSession().catch(() => null);
  if (!session) return null;
  return (
    <div className="container">
      <p className="success welcome" role="status">
        Welcome to Tokenshop, {session.user.name}! Your account is ready and you are signed in. Your sign-ins and API tokens are
        in <Link href="/account">your account</Link>.
      </p>
      <WelcomeSeen />
    </div>
  );
}
