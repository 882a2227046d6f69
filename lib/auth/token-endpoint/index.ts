// The OAuth 2.0 token endpoint's request grammar and errors (server-only); the route is
// app/api/auth/token/route.ts and the token lifecycle is lib/auth/sign-ins/.
export * from './request';
