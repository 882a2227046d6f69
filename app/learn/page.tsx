import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import Link from 'next/link';
import { cookieNames, isSecureRequest } from '@/lib/auth/http';
import { getPageSession } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { decodeToken } from '@/lib/learn/token-anatomy';
import { CookieDiagram, RefreshDiagram, RequestPathDiagram, ServerSessionDiagram, SignedTokenDiagram, StatelessDiagram } from './_components/diagrams';
import { YourToken } from './_components/your-token';
import { SignInFacts } from '@/app/_components/sign-in-facts';

export const metadata: Metadata = {
  title: 'How sign-in works',
  description: 'Cookies, sessions, tokens and JWTs, shown with your own token.',
};

function duration(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} day${seconds === 86400 ? '' : 's'}`;
  if (seconds % 60 === 0) return `${seconds / 60} minute${seconds === 60 ? '' : 's'}`;
  return `${seconds} seconds`;
}

export default async function LearnPage() {
  // Reading the request first makes the page dynamic (it is never prerendered).
  const requestHeaders = await headers();
  // The page checks the session itself (the DAL): it never trusts the middleware. A database
  // hiccup shows the explainer without the personal part rather than an error page.
  // Pages are for the access cookie: never a Bearer header, never a personal API token.
  const session = await getPageSession().catch(() => null);
  const config = env();
  const secure = isSecureRequest(requestHeaders, config.APP_URL);
  const token = session ? (await cookies()).get(cookieNames(secure).access)?.value : undefined;
  const decoded = token ? decodeToken(token) : null;
  const accessTtl = duration(config.AUTH_ACCESS_TTL);
  const refreshTtl = duration(config.AUTH_REFRESH_TTL);

  return (
    <article className="stack learn" aria-labelledby="learn-title">
      <header className="hero">
        <p className="eyebrow">How it works</p>
        <h1 id="learn-title">Cookie, session, token, JWT</h1>
        <p className="hero-lead">
          How this shop knows who you are on every request, why it uses a signed token instead of a server session, and where the cookie
          fits. {session ? 'Below the explanation is your own token, decoded live.' : 'Sign in to see your own token decoded here.'}
        </p>
      </header>

      <section aria-labelledby="stateless-title" className="stack">
        <h2 id="stateless-title">HTTP forgets you between requests</h2>
        <p>
          HTTP is stateless: every request is answered on its own, with nothing carried over from the last one. Signing in therefore
          has to leave something with the browser that it sends back on every later request, and that the server can trust.
        </p>
        <StatelessDiagram />
      </section>

      <section aria-labelledby="sessions-title" className="stack">
        <h2 id="sessions-title">Server sessions, and the second machine</h2>
        <p>
          The classic answer is a server session: the server stores &quot;session abc is user 42&quot; and gives the browser only
          the id <code>abc</code>. That works on one machine. Add a second behind a load balancer and the next request may land where
          the session is unknown. You can pin each browser to one machine (sticky sessions: uneven load, and a restart signs people
          out), or move sessions to a shared store such as Redis or a database that every request must query: one more service on
          the hot path, and when it is slow, everything is.
        </p>
        <ServerSessionDiagram />
      </section>

      <section aria-labelledby="token-title" className="stack">
        <h2 id="token-title">A signed token carries its own proof</h2>
        <p>
          A JSON Web Token puts the facts in the token itself (who you are, who issued it, until when) and signs them. Any machine
          holding the verification key checks the signature and the expiry and knows the token is genuine and unaltered, without
          asking anyone. This app signs with HS256 and a secret only the server holds by default, or with EdDSA/ES256, whose public
          keys anyone can use to verify. The price: a token stays valid until it expires, so access tokens here live only {accessTtl} and
          a small revocation list covers sign-out.
        </p>
        <SignedTokenDiagram />
      </section>

      <section aria-labelledby="cookie-title" className="stack">
        <h2 id="cookie-title">Where cookies fit</h2>
        <p>
          A cookie is not a way to authenticate; it is a place to keep something and a way to send it back. Here it holds the
          token. Marked <code>HttpOnly</code>, it is invisible to JavaScript, so a script injected into a page cannot read it, while
          a token in <code>localStorage</code> is readable by every script on the page. <code>SameSite=Lax</code> keeps it off
          requests another site starts in the background (form posts, fetches, images, frames); it is still sent when you follow
          a link from another site to this one (a top-level GET), which is why nothing here changes state on a GET and the server
          also checks <code>Origin</code> on every change. And <code>Secure</code>{' '}
          with the <code>__Host-</code> prefix keeps it on HTTPS and on this exact host. Programs that are not browsers send the same
          token in an <code>Authorization: Bearer</code> header instead.
        </p>
        <CookieDiagram />
      </section>

      <section aria-labelledby="request-title" className="stack">
        <h2 id="request-title">What this app does on every request</h2>
        <ol className="learn-steps">
          <li>
            <strong>Middleware (optimistic check).</strong> Before a protected page renders, the Edge middleware verifies the
            signature, algorithm, type, issuer, audience and expiry. No database: it cannot see revocations. It only saves work and
            redirects early; Next.js middleware has been bypassed before, so it is not the lock.
          </li>
          <li>
            <strong>Data access layer (the real check).</strong> Every page, route handler and server action re-reads the cookie,
            verifies the token again (memoised) and makes one indexed database lookup: the user still exists, the token was issued
            after their last &quot;sign out everywhere&quot;, and neither its <code>jti</code> nor its sign-in (<code>sid</code>) is
            revoked.
          </li>
        </ol>
        <RequestPathDiagram />
      </section>

      <section aria-labelledby="refresh-title" className="stack">
        <h2 id="refresh-title">Refresh rotation</h2>
        <p>
          Beside the access token sits a refresh token ({refreshTtl}) in a cookie scoped to <code>/api/auth</code>, so pages never receive
          it. When the access token lapses, the browser passes through <code>/api/auth/refresh</code>, which revokes the refresh token
          it was given and issues a fresh pair in the same sign-in. A refresh token presented again after a few seconds&apos; grace is
          a stolen copy: the whole sign-in is revoked.
        </p>
        <RefreshDiagram />
      </section>

      {session && decoded ? (
        <>
          <section aria-labelledby="how-signed-in-title" className="card stack">
            <h2 id="how-signed-in-title">How this session signed in</h2>
            <p>
              Your token carries <code>auth_time</code> (when you last proved who you are) and <code>amr</code> (how). Refreshing
              keeps both unchanged, so a stolen cookie that keeps refreshing still cannot pass for a recent sign-in.
            </p>
            <dl className="facts">
              <SignInFacts claims={session.claims} stepUpMaxAge={config.AUTH_STEP_UP_MAX_AGE} />
            </dl>
          </section>
          <YourToken decoded={decoded} userId={session.user.id} secure={secure} />
        </>
      ) : (
        <section aria-labelledby="yours-title" className="card stack" data-testid="signed-out-token">
          <h2 id="yours-title">Your token</h2>
          <p>
            You are not signed in, so your browser sent no token with this request. <Link href="/login?next=/learn">Sign in</Link> or{' '}
            <Link href="/signup">create an account</Link> and this page shows your own access token decoded, the cookie it travels
            in, what the server stores about you, and lets you try to forge it.
          </p>
        </section>
      )}
    </article>
  );
}
