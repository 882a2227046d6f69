'use client';
import { useEffect } from 'react';
import { TIME_ZONE_COOKIE } from '@/lib/format/time';

/**
 * Tells the server the viewer's time zone (a `tz` cookie, no personal data beyond what every
 * request's clock implies), so server-rendered times are local from the next page on.
 */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // IANA names (Europe/Paris, America/Argentina/Buenos_Aires) are valid cookie values as they are.
    if (!zone || document.cookie.split('; ').includes(`${TIME_ZONE_COOKIE}=${zone}`)) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${zone}; Path=/; Max-Age=31536000; SameSite=Lax${location.protocol === 'https:' ? '; Secure' : ''}`;
  }, []);
  return null;
}
