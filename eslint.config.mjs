// ESLint 9 flat config: Next's core-web-vitals and TypeScript rule sets.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

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
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: "Import { z } from '@/lib/validation/zod' (it sets zod's jitless mode for the CSP)." }] },
      ],
    },
  },
]);
