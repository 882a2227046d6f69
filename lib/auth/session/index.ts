// The session check of the data access layer (server-only): who is signed in on this request,
// re-verified and checked against the database every time.
export * from './dal';
