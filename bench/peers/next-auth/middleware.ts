// Auth.js's recommended Next.js middleware, Edge-safe (its guide): NextAuth over auth.config.ts
// alone, with the guide's matcher (every path but the API and static files); the `authorized`
// callback decides.
import NextAuth from 'next-auth';
import authConfig from './auth.config';

const { auth } = NextAuth(authConfig);

export default auth;

export const config = { matcher: ['/((?!api|_next/static|_next/image|favicon.ico).*)'] };
