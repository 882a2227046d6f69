// Runtime-neutral (no imports) so the app, the Edge-safe env code, scripts and tests can all
// share one rule for telling the two supported databases apart.
export type DatabaseProvider = 'sqlite' | 'postgres';

/** `postgres://` / `postgresql://` → postgres, `file:` → sqlite; anything else is a config error. */
export function databaseProviderOf(url: string): DatabaseProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  if (/^file:/i.test(url)) return 'sqlite';
  throw new Error(`Unsupported DATABASE_URL (expected postgres://, postgresql:// or file:): ${redact(url)}`);
}

// Never echo a password from a connection string into logs.
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
