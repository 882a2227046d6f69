// The final `N passed, N failed` line is what CI reads: the report readers and the verdict must
// not let a failure, a flaky test, a missing report or an empty run pass.
import { describe, expect, it } from 'vitest';
import { judgeStep, readPlaywrightReport, readVitestReport } from './test-all.mjs';

describe('readVitestReport', () => {
  it('reads the counts of the json reporter', () => {
    const report = { numTotalTests: 126, numPassedTests: 120, numFailedTests: 3, numPendingTests: 2, numTodoTests: 1, success: false, testResults: [] };
    expect(readVitestReport(JSON.stringify(report))).toEqual({ passed: 120, failed: 3, flaky: 0, skipped: 3, flakyTests: [] });
  });

  it('returns null for a missing, truncated or foreign report', () => {
    expect(readVitestReport('')).toBeNull();
    expect(readVitestReport('{"numTotalTests": 3, "numPassed')).toBeNull();
    expect(readVitestReport('{"stats": {}}')).toBeNull();
  });
});

const spec = (file: string, title: string, ...tests: { projectName: string; status: string }[]) => ({ file, line: 3, title, tests });

describe('readPlaywrightReport', () => {
  const report = {
    stats: { expected: 2, unexpected: 1, flaky: 1, skipped: 1 },
    errors: [],
    suites: [
      { title: 'home.spec.ts', specs: [spec('home.spec.ts', 'shows products', { projectName: 'chromium', status: 'expected' })], suites: [] },
      {
        title: 'security',
        specs: [],
        suites: [
          {
            title: '03-csrf.spec.ts',
            specs: [
              spec('security/03-csrf.spec.ts', 'refuses a foreign origin', { projectName: 'security', status: 'flaky' }),
              spec('security/03-csrf.spec.ts', 'refuses a null origin', { projectName: 'security', status: 'unexpected' }),
              spec('security/03-csrf.spec.ts', 'allows our origin', { projectName: 'security', status: 'expected' }),
              spec('security/03-csrf.spec.ts', 'only on one project', { projectName: 'security', status: 'skipped' }),
            ],
          },
        ],
      },
    ],
  };

  it('counts flaky tests apart from passed ones, and names them', () => {
    expect(readPlaywrightReport(JSON.stringify(report))).toEqual({
      passed: 2,
      failed: 1,
      flaky: 1,
      skipped: 1,
      flakyTests: ['[security] security/03-csrf.spec.ts:3 › refuses a foreign origin'],
    });
  });

  it('counts errors outside any test (a web server that never started) as failures', () => {
    expect(readPlaywrightReport(JSON.stringify({ stats: {}, suites: [], errors: [{ message: 'Timed out waiting for webServer' }] }))).toMatchObject({ failed: 1 });
  });

  it('returns null when there is no report', () => {
    expect(readPlaywrightReport('Error: Timed out waiting 120000ms from config.webServer.\n')).toBeNull();
  });
});

describe('judgeStep', () => {
  const counts = (c: Partial<{ passed: number; failed: number; flaky: number; skipped: number }>) => ({ passed: 0, failed: 0, flaky: 0, skipped: 0, flakyTests: [], ...c });

  it('passes a step without a report on its exit code alone (tsc, eslint, a build)', () => {
    expect(judgeStep({ code: 0, counts: null, hasReport: false }).ok).toBe(true);
    expect(judgeStep({ code: 2, counts: null, hasReport: false })).toEqual({ ok: false, reason: 'exit 2' });
  });

  it('fails a test step that exits 0 without a parsable report', () => {
    expect(judgeStep({ code: 0, counts: null, hasReport: true })).toEqual({ ok: false, reason: 'no parsable test report' });
  });

  it('fails a test step that exits 0 having run no tests', () => {
    expect(judgeStep({ code: 0, counts: counts({ skipped: 4 }), hasReport: true })).toEqual({ ok: false, reason: 'no tests ran' });
  });

  it('fails on a flaky test even when the runner exited 0', () => {
    expect(judgeStep({ code: 0, counts: counts({ passed: 40, flaky: 1 }), hasReport: true })).toEqual({ ok: false, reason: '1 flaky' });
  });

  it('fails on a failed test even when the runner exited 0', () => {
    expect(judgeStep({ code: 0, counts: counts({ passed: 40, failed: 1 }), hasReport: true })).toEqual({ ok: false, reason: '1 failed' });
  });

  it('passes a clean run', () => {
    expect(judgeStep({ code: 0, counts: counts({ passed: 40, skipped: 1 }), hasReport: true })).toEqual({ ok: true, reason: null });
  });
});
