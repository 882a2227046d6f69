import Link from 'next/link';
import { logoutAction } from '@/app/(auth)/actions';
import { getSession } from '@/lib/auth/session';
import { SubmitButton } from './submit-button';

export async function SiteHeader() {
  const session = await getSession().catch(() => null);
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link href="/" className="brand">
          Tokenshop
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <Link href="/">Shop</Link>
            </li>
            <li>
              <Link href="/learn">How it works</Link>
            </li>
            {session ? (
              <>
                <li>
                  <Link href="/orders">Orders</Link>
                </li>
                <li>
                  <Link href="/account" aria-label={`Account (${session.user.name})`}>
                    {session.user.name}
                  </Link>
                </li>
                <li>
                  <form action={logoutAction}>
                    <SubmitButton className="button-link" pendingText="Signing out…">
                      Sign out
                    </SubmitButton>
                  </form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href="/login">Sign in</Link>
                </li>
                <li>
                  <Link href="/signup" className="button small">
                    Create account
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
