// @ts-check
// How this app's production server starts, in one place: `npm start` in package.json. The
// browser tests, the cluster test and the bench start their servers from it, so each runs the
// server as deployed (Node's flags included), not a bare `next start`.
//
// Why `npm start` is `node --heap-growing-percent=60 …/next start` and not `next start`: V8 lets
// the old generation grow up to four times what survived its last full collection before it
// collects again. After load that is mostly garbage: on this app 440-500 MB resident against a
// live heap of 66-87 MB (docs/benchmarks.md, "Where the memory goes"). Growing by 60 % instead
// keeps it near 265 MB with throughput within the spread and the API's p99 a few ms higher
// (30 % held 250 MB for a larger p99 cost; a heap cap, --max-old-space-size=256, cost 10-20 %
// of throughput). Node refuses this flag in NODE_OPTIONS, so it has to be on the command line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A program and its arguments, ready for `spawn(command, args)` without a shell. @typedef {{ command: string, args: string[] }} StartCommand */

/**
 * The command and arguments of `npm start` for the app in `root`, with `extraArgs` appended
 * (`['-p', '3000', '-H', '127.0.0.1']`). `node` is this process's own Node binary, so the
 * server runs on the same Node as whatever starts it.
 * @param {string} root the project directory (holds package.json)
 * @param {string[]} [extraArgs]
 * @returns {StartCommand}
 */
export function startCommand(root, extraArgs = []) {
  const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts?.start;
  return parseStartScript(script, root, extraArgs);
}

/**
 * `node [node flags…] <path to next's bin> start`: the one shape `npm start` may have, so that
 * anything starting the server itself can run it without a shell (and stop it by its pid).
 * @param {unknown} script
 * @param {string} root
 * @param {string[]} [extraArgs]
 * @returns {StartCommand}
 */
export function parseStartScript(script, root, extraArgs = []) {
  const words = typeof script === 'string' ? script.trim().split(/\s+/) : [];
  const [node, ...rest] = words;
  const flags = rest.slice(0, -2);
  const [bin, subcommand] = rest.slice(-2);
  if (node !== 'node' || !bin || subcommand !== 'start' || flags.some((flag) => !flag.startsWith('--'))) {
    throw new Error(`package.json's start script must read \`node [--flags] <next's bin> start\`; it reads ${JSON.stringify(script)}`);
  }
  return { command: process.execPath, args: [...flags, join(root, bin), 'start', ...extraArgs] };
}
