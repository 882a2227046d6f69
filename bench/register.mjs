// Preloaded by `npm run bench` (node --import tsx --import ./bench/register.mjs bench/run.ts).
//
// lib/auth/session/dal.ts and lib/db.ts import `server-only`, whose real package throws unless the
// `react-server` export condition is set. That condition cannot be set for the whole process
// here: it also swaps React for its server build, and next/navigation (imported by dal.ts)
// then fails on React.createContext. So only `server-only` is redirected to an empty module,
// the same stand-in vitest.config.ts uses for tests.
import { register } from 'node:module';

register('./server-only-hooks.mjs', import.meta.url);
