// Bench peer: built into .cache/bench-peers/<name> and served with `next start`. Next, React and
// better-sqlite3 resolve from the repository's node_modules (the same versions the app ships).
import { join } from 'node:path';

/** @type {import('next').NextConfig} */
export default {
  poweredByHeader: false,
  // The folder sits three levels under the repository; Turbopack must see the shared node_modules.
  turbopack: { root: join(import.meta.dirname, '../../..') },
  typescript: { ignoreBuildErrors: true },
};
