'use client';
import { useEffect, useState } from 'react';

function remaining(untilMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
}

function inWords(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m} min ${String(s).padStart(2, '0')} s` : `${s} s`;
}

/**
 * A live countdown to a moment (a token's exp). Only the timestamp crosses to the client. Not a
 * live region: announcing every second would drown a screen reader.
 */
export function Countdown({ untilMs, prefix, expiredText, testId }: { untilMs: number; prefix: string; expiredText: string; testId: string }) {
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
  if (now === null) return <span data-testid={testId}>counting…</span>;
  const seconds = remaining(untilMs, now);
  return <span data-testid={testId}>{seconds === 0 ? expiredText : `${prefix} ${inWords(seconds)}`}</span>;
}
