// Every moment the app shows goes through here: the viewer's time zone, relative when recent, the
// exact time in the title and in <time dateTime>. Server-rendered, so it reads the same without
// JavaScript; the zone comes from the `tz` cookie TimeZoneCookie sets (UTC, said so, before that).
import { cookies } from 'next/headers';
import { formatTimestamp, TIME_ZONE_COOKIE, validTimeZone } from '@/lib/format/time';

export async function Timestamp({ iso, nowMs }: { iso: string; nowMs?: number }) {
  const timeZone = validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request
  const { text, exact } = formatTimestamp(iso, { nowMs: nowMs ?? Date.now(), timeZone });
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
