// Counted phrases said the way people say them ("1 item", "2 items", "no other device"), in one
// place, so messages and audit details never read "0 other sign-in(s) ended."

/** "1 item", "3 items": the plural adds an s unless given. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** What ending the other sign-ins did, as a sentence. */
export function otherSignInsEnded(n: number): string {
  return n === 0 ? 'No other device was signed in.' : `${count(n, 'other sign-in')} ended.`;
}
