// The token module under Node (the data access layer's runtime). The cases are shared with
// jwt.edge.test.ts, which runs them under the Edge runtime the middleware uses.
import { describe } from 'vitest';
import { defineJwtCases } from './jwt.cases';

describe('jwt (node)', () => {
  defineJwtCases();
});
