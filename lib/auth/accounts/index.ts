// Accounts (server-only): sign-up, sign-in and password change; password hashing on a worker
// pool; brute-force throttling.
export * from './accounts';
export * from './password';
export * from './rate-limit';
