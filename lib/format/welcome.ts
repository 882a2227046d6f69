/** A one-time marker (no credential, readable by the page's script so it can remove it). */
export const WELCOME_COOKIE = 'welcome';
export const WELCOME_MAX_AGE_SECONDS = 120;
