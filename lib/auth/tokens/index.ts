// Tokens and keys: signing and verifying JWTs, the key set, UUIDv7 ids, the revocation rule and
// API scopes. RUNTIME-NEUTRAL: the Edge middleware imports this folder, so nothing here may import
// the database, `server-only`, next/headers or a Node built-in (eslint.config.mjs enforces it).
export * from './jwt';
export * from './keys';
export * from './uuid';
export * from './revocation';
export * from './scopes';
