// Everything that starts the app's server itself (browser tests, cluster test, bench) runs
// `npm start`'s command through startCommand: it must run as written, Node's flags included.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStartScript, startCommand } from './start-command.mjs';

const root = join(import.meta.dirname, '..');

describe('startCommand', () => {
  it("runs package.json's start script on this Node, with its V8 flag, and the extra arguments last", () => {
    const { command, args } = startCommand(root, ['-p', '3000']);
    expect(command).toBe(process.execPath);
    expect(args).toEqual(['--heap-growing-percent=60', join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', '3000']);
  });

  it('names a Node flag and a Next binary that exist: the same command, asked for its version, answers', () => {
    const { command, args } = startCommand(root);
    const run = spawnSync(command, [...args.slice(0, -1), '--version'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).not.toMatch(/bad option|not allowed|Cannot find module/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Next\.js v16\./);
  });
});

describe('parseStartScript', () => {
  it.each([
    ['next start', 'no node'],
    ['node node_modules/next/dist/bin/next', 'no start'],
    ['node -r ./x.js node_modules/next/dist/bin/next start', 'a flag that is not --long'],
    ['NODE_ENV=production node node_modules/next/dist/bin/next start', 'a shell assignment'],
    ['', 'empty'],
  ])('refuses %j (%s): it could not be run without a shell', (script) => {
    expect(() => parseStartScript(script, root)).toThrow(/start script must read/);
  });

  it('refuses a missing script', () => {
    expect(() => parseStartScript(undefined, root)).toThrow(/start script must read/);
  });

  it('takes a script without flags', () => {
    expect(parseStartScript('node node_modules/next/dist/bin/next start', '/app', ['-H', '::1'])).toEqual({
      command: process.execPath,
      args: ['/app/node_modules/next/dist/bin/next', 'start', '-H', '::1'],
    });
  });
});
