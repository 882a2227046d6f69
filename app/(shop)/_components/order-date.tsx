const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function OrderDate({ iso }: { iso: string }) {
  return <time dateTime={iso}>{DATE.format(new Date(iso))} UTC</time>;
}

/** A short, readable order reference (the full id is in the URL). */
export const orderReference = (id: string) => id.slice(-8).toUpperCase();
