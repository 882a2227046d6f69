// Stand-in for the `server-only` package under Vitest (aliased in vitest.config.ts).
// The real package throws when imported outside React Server Components; tests import
// server modules directly, so it must be a no-op here.
export {};
