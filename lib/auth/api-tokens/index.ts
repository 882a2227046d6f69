// Personal API tokens (server-only): create, list, revoke, note their use. Their scopes are
// runtime-neutral and live with the other token code in lib/auth/tokens/scopes.ts.
export * from './api-tokens';
