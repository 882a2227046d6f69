// The one place money is formatted. Amounts are integer cents everywhere else.
const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** 1850 → "$18.50". */
export function formatCents(cents: number): string {
  return USD.format(cents / 100);
}
