'use client';
import { useEffect, useState } from 'react';

function remaining(expiresAt: number, now: number): string {
  const seconds = Math.max(0, Math.round((expiresAt - now) / 1000));
  if (seconds === 0) return 'expired';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `in ${m} min ${s} s` : `in ${s} s`;
}

/** A live countdown to a token's expiry. */
export function ExpiryCountdown({ expiresAt }: { expiresAt: number }) {
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
  return <span data-testid="expiry-countdown">{now === null ? '…' : remaining(expiresAt, now)}</span>;
}
