// The token module under the Edge runtime (@edge-runtime/vm), where middleware.ts runs it:
// the same forgeries must be refused with Web Crypto only and no Node built-ins.
import { describe, expect, it } from 'vitest';
import { defineJwtCases } from './jwt.cases';

describe('jwt (edge runtime)', () => {
  it('really runs under the edge runtime', () => {
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe('string');
  });
  defineJwtCases();
});
