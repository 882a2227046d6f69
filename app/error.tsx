'use client';
// What a page shows when rendering it failed on the server, most often because the database is
// unreachable for a moment. Route handlers answer 503 JSON for that (lib/http.ts); a page cannot
// choose its status from here (App Router error boundaries render with the status already
// decided, 500), so the words must do it: nothing was signed out, try again shortly.
import { useRouter } from 'next/navigation';
import { startTransition } from 'react';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  return (
    <section aria-labelledby="error-title" className="stack" role="alert">
      <h1 id="error-title">Temporarily unavailable</h1>
      <p>
        This page is temporarily unavailable. You are still signed in and nothing you saved was lost. Please try again in a
        moment.
      </p>
      <p>
        <button
          type="button"
          className="button"
          onClick={() =>
            startTransition(() => {
              router.refresh();
              reset();
            })
          }
        >
          Try again
        </button>
      </p>
    </section>
  );
}
