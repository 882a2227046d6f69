// The limits and hints the forms show in the browser, without zod. A client component that imports
// a schema module (cart.ts, auth.ts, api-token.ts) for one of these numbers pulls in the whole of
// zod, which lib/validation/zod.ts configures with a side effect and so cannot be tree-shaken: 90 KB
// of JavaScript (gzip) on every page with a quantity box or a password field. The schema modules
// use and re-export these, so both sides keep one source.

/** The most of one product a cart line may hold. */
export const MAX_LINE_QUANTITY = 99;

/** bcrypt reads at most 72 bytes and silently ignores the rest, so longer passwords are refused. */
export const PASSWORD_MAX_BYTES = 72;
export const PASSWORD_MIN_LENGTH = 8;

/** The hint under a new-password box. */
export function passwordHint(): string {
  return `At least ${PASSWORD_MIN_LENGTH} characters, at most ${PASSWORD_MAX_BYTES} (fewer with accents or emoji).`;
}

/** The lifetimes, in days, a personal API token may be given. */
export const API_TOKEN_TTL_DAYS = [7, 30, 90, 365] as const;
