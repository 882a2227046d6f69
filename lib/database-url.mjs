// What a DATABASE_URL says, in one place: the default when it is unset, and which of the two
// supported databases it names. Plain JavaScript with no imports, so next.config.js,
// prisma.config.ts, the scripts, lib/env.ts (read on the Edge too) and lib/db all share it.

/** @typedef {'sqlite' | 'postgres'} DatabaseProvider */

/** An SQLite file under data/, relative to the working directory: what a fresh clone runs on. */
export const DEFAULT_DATABASE_URL = 'file:./data/dev.db';

/**
 * The configured URL, or the default when it is unset or empty (a copied .env.example has
 * `DATABASE_URL=` lines; lib/env.ts treats an empty value as unset too).
 * @param {string | undefined} value
 * @returns {string}
 */
export function databaseUrlOr(value) {
  return value || DEFAULT_DATABASE_URL;
}

/** `postgres://` or `postgresql://`. @param {string} url */
export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** `file:` (an embedded SQLite file). @param {string} url */
export function isSqliteUrl(url) {
  return /^file:/i.test(url);
}

/**
 * postgres → postgres, file: → sqlite; anything else is a configuration error.
 * @param {string} url
 * @returns {DatabaseProvider}
 */
export function databaseProviderOf(url) {
  if (isPostgresUrl(url)) return 'postgres';
  if (isSqliteUrl(url)) return 'sqlite';
  throw new Error(`Unsupported DATABASE_URL (expected postgres://, postgresql:// or file:): ${redactDatabaseUrl(url)}`);
}

/** The URL with its password masked, for logs and messages. @param {string} url */
export function redactDatabaseUrl(url) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
