// `npm run keys:generate [-- --alg EdDSA|ES256] [--previous '<public JWKs JSON>']`
// Prints the environment lines for asymmetric signing: a new private key (with a fresh kid) and
// the public key set that verifies. To rotate, pass the current AUTH_JWT_PUBLIC_KEYS as
// --previous: the old public keys stay listed (still verifying) until you drop them.
import { exportJWK, generateKeyPair, type JWK } from 'jose';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

const alg = argument('alg') ?? 'EdDSA';
if (alg !== 'EdDSA' && alg !== 'ES256') {
  console.error('--alg must be EdDSA or ES256');
  process.exit(1);
}

const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
const kid = `${new Date().toISOString().slice(0, 10)}-${crypto.randomUUID().slice(0, 8)}`;
const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg };
const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };

const previousRaw = argument('previous');
const previous: JWK[] = previousRaw ? (JSON.parse(previousRaw) as JWK[]) : [];
const publicKeys = [publicJwk, ...previous.filter((key) => key.kid !== kid)];

console.log(`# ${alg} key ${kid}. Keep AUTH_JWT_PRIVATE_KEY secret; the public keys may be shared.`);
console.log(`AUTH_JWT_ALG=${alg}`);
console.log(`AUTH_JWT_PRIVATE_KEY='${JSON.stringify(privateJwk)}'`);
console.log(`AUTH_JWT_PUBLIC_KEYS='${JSON.stringify(publicKeys)}'`);
