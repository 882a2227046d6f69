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
 * A live countdown to a moment (a token's exp). Only timestamps cross to the client. The server
 * renders the time left at `nowMs` (its clock, when the page was made), so the page says something
 * true without JavaScript; once hydrated it ticks from the browser's clock. Not a live region:
 * announcing every second would drown a screen reader.
 */
export function Countdown({
  untilMs,
  nowMs,
  prefix,
  expiredText,
  testId,
}: {
  untilMs: number;
  nowMs: number;
  prefix: string;
  expiredText: string;
  testId: string;
}) {
  const [now, setNow] = useState(nowMs);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  const seconds = remaining(untilMs, now);
  return <span data-testid={testId}>{seconds === 0 ? expiredText : `${prefix} ${inWords(seconds)}`}</span>;
}
