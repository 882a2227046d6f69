// Every moment the app shows goes through here: the viewer's time zone, relative when recent, the
// exact time in the title and in <time dateTime>. Server-rendered, so it reads the same without
// JavaScript; the zone comes from the `tz` cookie TimeZoneCookie sets (UTC, said so, before that).
import { cookies } from 'next/headers';
import { formatTimestamp, TIME_ZONE_COOKIE, validTimeZone } from '@/lib/format/time';

/** `exact` shows the date and time even when the moment is recent. */
export async function Timestamp({ iso, nowMs, exact: forceExact = false }: { iso: string; nowMs?: number; exact?: boolean }) {
  const timeZone = validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request
  const { text, exact } = formatTimestamp(iso, { nowMs: nowMs ?? Date.now(), timeZone, relativeAllowed: !forceExact });
  return (
    <time dateTime={iso} title={exact}>
      {text}
    </time>
  );
}

/** The same formatting as a function, for text that is not a <time> (an accessible name). */
export async function timeFormatter(nowMs: number = Date.now()): Promise<(iso: string) => string> {
  const timeZone = validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  return (iso) => formatTimestamp(iso, { nowMs, timeZone }).text;
}
