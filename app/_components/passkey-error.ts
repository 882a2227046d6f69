/**
 * What to tell the user when a passkey ceremony fails in the browser. The browser reports a
 * dismissed or timed-out prompt as NotAllowedError (it never says which, by design); anything
 * else is our server's message, shown as it is.
 */
export function passkeyErrorMessage(error: unknown, whenDismissed: string): string {
  return error instanceof Error && error.name === 'NotAllowedError' ? whenDismissed : (error as Error).message;
}
