// The app's route handlers, pages and server-action files, found on disk, for the tests that check
// every one of them against the guards, the protection table and the OpenAPI document.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const APP_DIR = join(ROOT, 'app');
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function walk(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path, keep);
    return keep(name) ? [path] : [];
  });
}

/** app/api/orders/[id]/route.ts → /api/orders/{id}; route groups like (shop) vanish. */
export function urlPathOf(file: string, style: 'openapi' | 'next' = 'openapi'): string {
  const segments = relative(APP_DIR, file).split(sep).slice(0, -1).filter((s) => !/^\(.*\)$/.test(s));
  return '/' + segments.map((s) => (style === 'openapi' ? s.replace(/^\[(.+)\]$/, '{$1}') : s)).join('/');
}

export interface RouteFile {
  file: string;
  path: string;
  methods: string[];
}

export function routeFiles(): RouteFile[] {
  return walk(APP_DIR, (name) => name === 'route.ts').map((file) => {
    const source = readFileSync(file, 'utf8');
    const methods = HTTP_METHODS.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b`).test(source));
    return { file, path: urlPathOf(file), methods };
  });
}

/** Every page.tsx, with its URL path (Next's [param] spelling) and its source. */
export function pageFiles(): { file: string; path: string; source: string }[] {
  return walk(APP_DIR, (name) => name === 'page.tsx').map((file) => ({ file, path: urlPathOf(file, 'next'), source: readFileSync(file, 'utf8') }));
}

/** Every module under app/ that starts with 'use server' (server actions). */
export function actionFiles(): string[] {
  return walk(APP_DIR, (name) => /\.tsx?$/.test(name) && !name.includes('.test.')).filter((file) =>
    /^\s*(\/\/[^\n]*\n\s*)*['"]use server['"]/.test(readFileSync(file, 'utf8')),
  );
}

export const relativeToRoot = (file: string) => relative(ROOT, file).split(sep).join('/');
