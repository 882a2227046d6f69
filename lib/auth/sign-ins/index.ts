// Sign-ins, i.e. session families (server-only): issuing a token pair, refresh rotation with
// reuse detection, sign-out, sign-out everywhere, purging; listing and ending a user's sign-ins.
export * from './lifecycle';
export * from './active';
