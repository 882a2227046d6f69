'use client';
import { useEffect, useState } from 'react';

function remaining(expiresAtMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.ceil((expiresAtMs - nowMs) / 1000));
  if (seconds === 0) return 'expired: reload and the browser is sent through the refresh hop for a new one';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `expires in ${m} min ${String(s).padStart(2, '0')} s` : `expires in ${s} s`;
}

/** A live countdown to the token's exp (only the timestamp crosses to the client). */
export function LearnCountdown({ expiresAtMs }: { expiresAtMs: number }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    // The server cannot know the client's clock: the first value appears after hydration.
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  // Not a live region: announcing every second would drown a screen reader.
  return <span data-testid="learn-countdown">{now === null ? 'counting…' : remaining(expiresAtMs, now)}</span>;
}
