// Counts crypto.subtle.importKey calls (the Web Crypto key import jose and lib/auth/tokens/keys.ts use),
// to show that no key is imported on the request path once the process is warm.

export interface ImportKeyCounter {
  readonly count: number;
  reset(): void;
  restore(): void;
}

export function countKeyImports(): ImportKeyCounter {
  const subtle = globalThis.crypto.subtle;
  const original = subtle.importKey;
  let count = 0;
  // Own property on the instance, shadowing SubtleCrypto.prototype.importKey.
  Object.defineProperty(subtle, 'importKey', {
    configurable: true,
    writable: true,
    value: function (this: SubtleCrypto, ...args: unknown[]) {
      count++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    },
  });
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
    restore() {
      delete (subtle as unknown as Record<string, unknown>).importKey;
    },
  };
}
