// Messages picked by a word from the address bar (`?notice=`, `?reason=`, `?oidc=`). A plain
// `TABLE[key]` also finds what every object inherits: `?notice=constructor` would hand React a
// function to render (a 500), `?notice=__proto__` an object. Only the table's own entries count.

export function ownEntry<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}
