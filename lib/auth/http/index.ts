// The HTTP edge of sign-in: cookies, the Origin (CSRF) check, CORS, which paths are protected,
// the client address and request facts. RUNTIME-NEUTRAL: the Edge middleware imports this folder,
// so nothing here may import the database, `server-only`, next/headers or a Node built-in
// (eslint.config.mjs enforces it).
export * from './cookies';
export * from './csrf';
export * from './cors';
export * from './paths';
export * from './protection';
export * from './client-address';
export * from './request-meta';
