// Smoke test of `npm run bench`: runs `bench/run.ts --smoke` as a child process (the way
// `npm run bench` runs it, with the `server-only` stand-in preloaded), writing to a temp
// directory, then checks that every figure is a finite positive number and that results.json
// has every section. The HTTP and sign-in sections drive `next start` from the production build
// in .next-bench (or BENCH_APP_DIR/NEXT_DIST_DIR), built first when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMOKE_SECTIONS } from './config';
import type { BenchOutput } from './run';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const appDir = process.env.BENCH_APP_DIR || root;
const distDir = process.env.NEXT_DIST_DIR || '.next-bench';
const sections = [...SMOKE_SECTIONS];

// The HTTP and sign-in sections drive `next start`: without a production build, make one first
// (npm test builds before this step, so there it is already present).
beforeAll(() => {
  if (existsSync(join(appDir, distDir, 'BUILD_ID'))) return;
  const built = spawnSync(process.execPath, [join(appDir, 'scripts/build.mjs')], {
    cwd: appDir,
    encoding: 'utf8',
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (built.status !== 0) throw new Error(`next build failed:\n${built.stdout}\n${built.stderr}`);
}, 300_000);

const outDir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function runSmoke(): { output: BenchOutput; svg: string; log: string } {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', './bench/register.mjs', 'bench/run.ts', '--smoke', `--only=${sections.join(',')}`, `--out=${outDir}`, `--port=${process.env.BENCH_SMOKE_PORT ?? 3350}`],
    { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, BENCH_APP_DIR: appDir, NEXT_DIST_DIR: distDir } },
  );
  const log = `${child.stdout}\n${child.stderr}`;
  if (child.status !== 0) throw new Error(`bench --smoke exited ${child.status ?? child.signal}:\n${log}`);
  return {
    output: JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')) as BenchOutput,
    svg: readFileSync(join(outDir, 'results.svg'), 'utf8'),
    log,
  };
}

describe('npm run bench -- --smoke', () => {
  let run: ReturnType<typeof runSmoke>;

  it('runs every section and reports only finite positive figures', { timeout: 150_000 }, () => {
    run = runSmoke();
    const { output } = run;
    expect(output.meta.mode).toBe('smoke');
    for (const section of sections) expect(output.results, `section ${section}`).toHaveProperty(section);
    expect(output.figures.length).toBeGreaterThan(10);
    for (const figure of output.figures) {
      for (const key of ['median', 'min', 'max'] as const) {
        expect(Number.isFinite(figure[key]) && figure[key] > 0, `${figure.section} / ${figure.name} ${key} = ${figure[key]}`).toBe(true);
      }
    }
    // Every target was judged (PASS or FAIL is the full run's business, not the smoke test's).
    expect(output.targets.length).toBeGreaterThanOrEqual(10);
    for (const target of output.targets) expect(typeof target.pass).toBe('boolean');
    expect(run.log).toMatch(/PASS|FAIL/);
  });

  it('counts the DAL check\'s database round trips and key imports', () => {
    const credential = run.output.results.credential!;
    expect(credential.dalRoundTrips.count).toBeGreaterThanOrEqual(1);
    expect(credential.dalRoundTrips.statements.length).toBe(credential.dalRoundTrips.count);
    expect(credential.keyImports.verifications).toBeGreaterThan(0);
  });

  it('draws a chart with one bar per figure of each comparison', () => {
    expect(run.svg.startsWith('<?xml')).toBe(true);
    expect(run.svg).toContain('</svg>');
    expect((run.svg.match(/<rect /g) ?? []).length).toBeGreaterThan(10);
    expect(run.svg).not.toMatch(/NaN|Infinity|undefined/);
  });

});
