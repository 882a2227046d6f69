'use client';
// The last resort, when the root layout itself failed to render (its header reads the session,
// so an unreachable database can land here). Same message as app/error.tsx, with its own
// <html> and <body> because the layout is what failed.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main" style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '4rem auto', padding: '0 1rem' }}>
          <section role="alert" aria-labelledby="error-title">
            <h1 id="error-title">Temporarily unavailable</h1>
            <p>
              This page is temporarily unavailable. You are still signed in and nothing you saved was lost. Please try again in
              a moment.
            </p>
            <p>
              <button type="button" onClick={() => reset()}>
                Try again
              </button>
            </p>
          </section>
        </main>
      </body>
    </html>
  );
}
