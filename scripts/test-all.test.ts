// The final `N passed, N failed` line is what CI reads: the parsers must not miss a failure.
import { describe, expect, it } from 'vitest';
import { parsePlaywright, parseVitest, stripAnsi } from './test-all.mjs';

describe('parseVitest', () => {
  it('reads the Tests line, not the Test Files line', () => {
    const output = [
      ' Test Files  2 failed | 9 passed (11)',
      '      Tests  3 failed | 120 passed | 2 skipped | 1 todo (126)',
      '   Start at  07:22:58',
    ].join('\n');
    expect(parseVitest(output)).toEqual({ passed: 120, failed: 3, skipped: 3 });
  });

  it('reads coloured output', () => {
    const output = '\u001b[2m      Tests \u001b[22m \u001b[1m\u001b[32m7 passed\u001b[39m\u001b[22m\u001b[90m (7)\u001b[39m\n';
    expect(stripAnsi(output)).toBe('      Tests  7 passed (7)\n');
    expect(parseVitest(output)).toEqual({ passed: 7, failed: 0, skipped: 0 });
  });

  it('returns null when Vitest printed no summary (crash, config error)', () => {
    expect(parseVitest('Error: failed to load config\n')).toBeNull();
  });
});

describe('parsePlaywright', () => {
  it('sums the footer of the list reporter', () => {
    const output = [
      '  ✓  1 [chromium] › e2e/home.spec.ts:3:5 › shows products (1.2s)',
      '  ✘  2 [chromium] › e2e/login.spec.ts:9:5 › signs in (3.0s)',
      '',
      '  1 failed',
      '    [chromium] › e2e/login.spec.ts:9:5 › signs in',
      '  1 flaky',
      '    [short-ttl] › e2e/refresh.short-ttl.spec.ts:4:5 › refreshes',
      '  2 skipped',
      '  1 did not run',
      '  14 passed (41.2s)',
    ].join('\n');
    expect(parsePlaywright(output)).toEqual({ passed: 15, failed: 1, skipped: 3 });
  });

  it('returns null when Playwright printed no footer', () => {
    expect(parsePlaywright('Error: Timed out waiting 120000ms from config.webServer.\n')).toBeNull();
  });
});
