// `npm run secrets:reseal`: after rotating AUTH_SECRET, re-encrypts the secrets stored under a key
// derived from it (the TOTP secrets), so that two-step sign-in keeps working.
//   AUTH_SECRET=<new> AUTH_SECRET_PREVIOUS=<old> npm run secrets:reseal
// Rows already sealed with the new secret are left alone, so running it twice is harmless.
import { existsSync } from 'node:fs';
import { resealTotpSecrets } from '../lib/auth/totp';

for (const file of ['.env.local', '.env']) {
  if (existsSync(file)) process.loadEnvFile(file);
}

const previous = process.env.AUTH_SECRET_PREVIOUS;
if (!previous) {
  console.error('secrets:reseal needs AUTH_SECRET_PREVIOUS (the secret before the rotation) and AUTH_SECRET (the new one).');
  process.exit(1);
}

try {
  const { resealed, alreadyCurrent } = await resealTotpSecrets(previous);
  console.log(`TOTP secrets re-encrypted: ${resealed}; already under the current secret: ${alreadyCurrent}.`);
  process.exit(0);
} catch (error) {
  console.error(`secrets:reseal failed: ${(error as Error).message.split('\n')[0]}`);
  process.exit(1);
}
