// One way to show a moment: in the viewer's time zone (the `tz` cookie the browser sets, see
// app/_components/time-zone-cookie.tsx; UTC, said as such, until it has), relative when it is
// recent ("2 min ago", "in 14 min"), the full date and time otherwise. Pure, so the server renders
// it and pages work without JavaScript.

export const TIME_ZONE_COOKIE = 'tz';

/** A time zone the runtime knows, or null (a cookie is user input). */
export function validTimeZone(value: string | undefined | null): string | null {
  if (!value || value.length > 64) return null;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return value;
  } catch {
    return null;
  }
}

function relative(diffSeconds: number): string | null {
  const abs = Math.abs(diffSeconds);
  const say = (n: number, unit: string) => {
    const phrase = `${n} ${unit}${n === 1 || unit === 'min' ? '' : 's'}`;
    return diffSeconds < 0 ? `${phrase} ago` : `in ${phrase}`;
  };
  if (abs < 45) return diffSeconds < 0 ? 'just now' : 'in a moment';
  if (abs < 60 * 60) return say(Math.max(1, Math.round(abs / 60)), 'min');
  if (abs < 24 * 60 * 60) return say(Math.round(abs / 3600), 'hour');
  return null;
}

export interface FormattedTime {
  /** What the page says: relative when recent, else date and time. */
  text: string;
  /** The exact moment with its zone, for the title attribute. */
  exact: string;
}

export function formatTimestamp(
  iso: string,
  { nowMs, timeZone, relativeAllowed = true }: { nowMs: number; timeZone: string | null; relativeAllowed?: boolean },
): FormattedTime {
  const date = new Date(iso);
  const zone = timeZone ?? 'UTC';
  const full = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  const exact = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'long', timeZone: zone }).format(date);
  const recent = relativeAllowed ? relative((date.getTime() - nowMs) / 1000) : null;
  const text = recent ?? `${full.format(date)}${timeZone ? '' : ' UTC'}`;
  return { text, exact };
}
