// What a navigation shows while the next page renders on the server (its session check and
// queries): the header stays, the content area says it is loading, so a slow connection never
// looks frozen. Next streams this at once and swaps in the page when it is ready.
export default function Loading() {
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <span className="visually-hidden">Loading…</span>
      <div className="skeleton" style={{ height: '2.2rem', width: 'min(20rem, 70%)' }} />
      <div className="skeleton" style={{ height: '1rem', width: 'min(36rem, 90%)' }} />
      <div className="skeleton" style={{ height: '12rem' }} />
    </div>
  );
}
