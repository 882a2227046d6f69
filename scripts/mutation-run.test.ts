// The incremental report's pruning: results of mutants the `mutate` list no longer covers must not
// reach the next report's score.
import { describe, expect, it } from 'vitest';
import { pruneIncremental } from './mutation-changed.mjs';

const mutant = (id: string, line: number, endLine = line) => ({ id, status: 'Survived', location: { start: { line, column: 3 }, end: { line: endLine, column: 5 } } });

describe('pruneIncremental', () => {
  const report = {
    schemaVersion: '2',
    files: {
      'lib/a.ts': { language: 'typescript', source: '', mutants: [mutant('1', 12), mutant('2', 13), mutant('3', 19), mutant('4', 40), mutant('5', 41), mutant('9', 18, 20)] },
      'lib/b.ts': { language: 'typescript', source: '', mutants: [mutant('6', 1), mutant('7', 500)] },
      'lib/gone.ts': { language: 'typescript', source: '', mutants: [mutant('8', 3)] },
    },
  };

  it('keeps the mutants wholly inside the ranges (inclusive), all of a whole file, none of a file no longer listed', () => {
    const pruned = pruneIncremental(report, ['lib/a.ts:13-19', 'lib/a.ts:40-40', 'lib/b.ts']);
    expect(Object.keys(pruned.files).sort()).toEqual(['lib/a.ts', 'lib/b.ts']);
    expect(pruned.files['lib/a.ts'].mutants.map((m: { id: string }) => m.id)).toEqual(['2', '3', '4']);
    expect(pruned.files['lib/b.ts'].mutants.map((m: { id: string }) => m.id)).toEqual(['6', '7']);
  });

  it('drops a mutant that starts in a range and ends outside it (a block around the range)', () => {
    const pruned = pruneIncremental(report, ['lib/a.ts:13-19']);
    expect(pruned.files['lib/a.ts'].mutants.map((m: { id: string }) => m.id)).not.toContain('9');
  });

  it('compares columns when the range gives them', () => {
    expect(pruneIncremental(report, ['lib/a.ts:12:3-13:5']).files['lib/a.ts'].mutants.map((m: { id: string }) => m.id)).toEqual(['1', '2']);
    expect(pruneIncremental(report, ['lib/a.ts:12:4-13:4']).files['lib/a.ts'].mutants.map((m: { id: string }) => m.id)).toEqual([]);
  });

  it('refuses globs and exclusions rather than guess', () => {
    expect(() => pruneIncremental(report, ['lib/**/*.ts'])).toThrow(/plain paths/);
  });
});
