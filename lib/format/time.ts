// One way to show a moment: in the viewer's time zone (the `tz` cookie the browser sets, see
// app/_components/time-zone-cookie.tsx; UTC, said as such, until it has), relative when it is
// recent ("2 min ago", "in 14 min"), the full date and time otherwise. Pure, so the server renders
// it and pages work without JavaScript.

export const TIME_ZONE_COOKIE = 'tz';

interface ZoneFormatters {
  /** "20 Nov 2026, 09:05": what the page says of an older moment. */
  full: Intl.DateTimeFormat;
  /** "Friday 20 November 2026 at 09:05:00 CET": the exact moment, for the title. */
  exact: Intl.DateTimeFormat;
}

function zoneFormatters(timeZone: string): ZoneFormatters {
  return {
    full: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }),
    exact: new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'long', timeZone }),
  };
}

/** What a moment reads in when the viewer's zone is unknown (the text then says "UTC"). */
const UTC = zoneFormatters('UTC');

// An Intl.DateTimeFormat costs about 0.1 ms to build and little to use, and a page shows many
// moments (/account: every sign-in, event and token). So each zone's pair is built once and kept.
// The zone comes from a cookie, user input: the map holds at most MAX_ZONES entries (refused names
// included, as null, so a bad cookie is not re-tried on every moment), and starts afresh when full.
const MAX_ZONES = 100;
const formattersByZone = new Map<string, ZoneFormatters | null>();

function formattersFor(zone: string): ZoneFormatters | null {
  let found = formattersByZone.get(zone);
  if (found === undefined) {
    try {
      found = zoneFormatters(zone); // throws a RangeError for a zone the runtime does not know
    } catch {
      found = null;
    }
    if (formattersByZone.size >= MAX_ZONES) formattersByZone.clear();
    formattersByZone.set(zone, found);
  }
  return found;
}

/** A time zone the runtime knows, or null (a cookie is user input). */
export function validTimeZone(value: string | undefined | null): string | null {
  if (!value || value.length > 64) return null;
  return formattersFor(value) ? value : null;
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
  // No zone (or one the runtime does not know) reads as UTC, and says so.
  const known = timeZone ? formattersFor(timeZone) : null;
  const { full, exact } = known ?? UTC;
  const recent = relativeAllowed ? relative((date.getTime() - nowMs) / 1000) : null;
  const text = recent ?? `${full.format(date)}${known ? '' : ' UTC'}`;
  return { text, exact: exact.format(date) };
}
