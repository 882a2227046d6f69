// The incremental report's pruning: results of mutants the `mutate` list no longer covers must not
// reach the next report's score.
import { describe, expect, it } from 'vitest';
import { pruneIncremental } from './mutation-run.mjs';

const mutant = (id: string, line: number) => ({ id, status: 'Survived', location: { start: { line, column: 1 }, end: { line, column: 5 } } });

describe('pruneIncremental', () => {
  const report = {
    schemaVersion: '2',
    files: {
      'lib/a.ts': { language: 'typescript', source: '', mutants: [mutant('1', 12), mutant('2', 13), mutant('3', 19), mutant('4', 40), mutant('5', 41)] },
      'lib/b.ts': { language: 'typescript', source: '', mutants: [mutant('6', 1), mutant('7', 500)] },
      'lib/gone.ts': { language: 'typescript', source: '', mutants: [mutant('8', 3)] },
    },
  };

  it('keeps the mutants inside the ranges (inclusive), all of a whole file, none of a file no longer listed', () => {
    const pruned = pruneIncremental(report, ['lib/a.ts:13-19', 'lib/a.ts:40-40', 'lib/b.ts']);
    expect(Object.keys(pruned.files).sort()).toEqual(['lib/a.ts', 'lib/b.ts']);
    expect(pruned.files['lib/a.ts'].mutants.map((m: { id: string }) => m.id)).toEqual(['2', '3', '4']);
    expect(pruned.files['lib/b.ts'].mutants.map((m: { id: string }) => m.id)).toEqual(['6', '7']);
  });

  it('reads column-qualified ranges by their lines', () => {
    const pruned = pruneIncremental(report, ['lib/a.ts:12:3-13:9']);
    expect(pruned.files['lib/a.ts'].mutants.map((m: { id: string }) => m.id)).toEqual(['1', '2']);
  });
});
