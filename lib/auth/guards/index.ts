// Server-only glue between requests and sign-in: request facts and cookie writing for route
// handlers and server actions.
export * from './respond';
export * from './action-context';
