import { Timestamp } from '@/app/_components/timestamp';

export function OrderDate({ iso }: { iso: string }) {
  return <Timestamp iso={iso} />;
}

/** A short, readable order reference (the full id is in the URL). */
export const orderReference = (id: string) => id.slice(-8).toUpperCase();
