// Module resolution hook (see register.mjs): `server-only` resolves to an empty module.
const EMPTY = 'data:text/javascript,export{}';

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'server-only') return { url: EMPTY, shortCircuit: true };
  return nextResolve(specifier, context);
}
