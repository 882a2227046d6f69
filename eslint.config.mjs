// ESLint 9 flat config: Next's core-web-vitals and TypeScript rule sets, plus two import rules of
// this repository (zod through lib/validation/zod.ts; runtime-neutral code stays runtime-neutral).
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const ZOD_THROUGH_OUR_MODULE = {
  name: 'zod',
  message: "Import { z } from '@/lib/validation/zod' (it sets zod's jitless mode for the CSP).",
};

// middleware.ts runs on the Edge runtime. A module it reaches that imports the database, Prisma,
// bcrypt, `server-only`, next/headers or a Node built-in builds fine and then fails at run time (or
// drags the database into the Edge bundle). So the middleware and the runtime-neutral modules may
// import only each other and packages that run on the Edge; by induction that covers the
// middleware's whole import graph. Type-only imports are erased from the bundle and stay allowed.
// middleware.edge-imports.test.ts proves the rule fires.
export const RUNTIME_NEUTRAL_FOLDERS = ['lib/auth/tokens', 'lib/auth/http'];
export const RUNTIME_NEUTRAL_FILES = [
  'middleware.ts',
  'lib/env.ts',
  'lib/errors.ts',
  'lib/security-headers.ts',
  'lib/prerendered-front-page.ts',
  'lib/format/time.ts',
  'lib/shop/cart-cookie.ts',
  'lib/validation/zod.ts',
  'lib/database-url.mjs',
  'lib/prerendered-front-page-names.mjs',
];
const EDGE_PACKAGES = ['jose', 'next/server'];
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const neutralAliases = [
  ...RUNTIME_NEUTRAL_FOLDERS.map((folder) => `@/${escape(folder)}(/[\\w.-]+)?`),
  ...RUNTIME_NEUTRAL_FILES.filter((file) => file.startsWith('lib/')).map((file) => `@/${escape(file.replace(/\.ts$/, ''))}`),
];

/** Anything but the allowed specifiers; `relative` adds this folder and the neutral sibling folders. */
function edgeImportPattern({ relative = false, zod = false } = {}) {
  const allowed = [...EDGE_PACKAGES, ...(zod ? ['zod'] : []), ...neutralAliases].map((s) => (s.startsWith('@/') ? s : escape(s)));
  if (relative) allowed.push('\\./[\\w.-]+', ...RUNTIME_NEUTRAL_FOLDERS.map((folder) => `\\.\\./${folder.split('/').pop()}(/[\\w.-]+)?`));
  return {
    regex: `^(?!(${allowed.join('|')})$)`,
    allowTypeImports: true,
    message:
      'Runtime-neutral code (middleware.ts runs it on the Edge) imports only other runtime-neutral modules and jose or next/server: ' +
      'not the database, Prisma, bcrypt, server-only, next/headers, a Node built-in or a server-only module.',
  };
}

const NO_DYNAMIC_IMPORTS = [
  'error',
  { selector: 'ImportExpression', message: 'No dynamic import in runtime-neutral code: the Edge import rule cannot follow it.' },
  { selector: "CallExpression[callee.name='require']", message: 'No require in runtime-neutral code: the Edge import rule cannot follow it.' },
];

/** The runtime-neutral rule for some files (the zod rule rides along: one rule, one option list). */
const edgeBlock = (files, { relative = false, zod = false } = {}) => ({
  files,
  ignores: ['**/*.test.ts', '**/*.cases.ts'],
  rules: {
    'no-restricted-imports': ['error', { paths: zod ? [] : [ZOD_THROUGH_OUR_MODULE], patterns: [edgeImportPattern({ relative, zod })] }],
    'no-restricted-syntax': NO_DYNAMIC_IMPORTS,
  },
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    '.next-*/**',
    '.vercel/**',
    '.cache/**',
    'out/**',
    'lib/generated/**',
    'node_modules/**',
    'e2e/.tmp/**',
    'playwright-report/**',
    'test-results/**',
    'coverage/**',
    'next-env.d.ts',
    'bench/.tmp/**',
    // The bench's peer apps: their packages live in their build folder (.cache), not here.
    'bench/peers/**',
    '.cache/**',
  ]),
  {
    // Playwright fixtures destructure their (possibly empty) dependencies, `async ({}, use) =>`,
    // and their `use` callback is not React's `use` hook.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // zod compiles parsers with `new Function` (a CSP violation) unless configured jitless first:
    // lib/validation/zod.ts does that, so every schema imports zod from there.
    ignores: ['lib/validation/zod.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [ZOD_THROUGH_OUR_MODULE] }] },
  },
  edgeBlock(RUNTIME_NEUTRAL_FOLDERS.map((folder) => `${folder}/**`), { relative: true }),
  edgeBlock(RUNTIME_NEUTRAL_FILES.filter((file) => file !== 'lib/validation/zod.ts')),
  edgeBlock(['lib/validation/zod.ts'], { zod: true }),
]);
