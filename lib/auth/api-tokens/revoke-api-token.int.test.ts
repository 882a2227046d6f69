// Revoking a personal API token is recorded once: revoking it again changes nothing (not its
// revocation time, not the audit log), and the log names the token.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createUser } from '@/test/shop-data';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens';
import { advanceClock } from '@/test/clock';

describe('revokeApiToken', () => {
  it('records the revocation once, with the token’s name in the audit log', async () => {
    const { id: userId } = await createUser('revoker');
    const { apiToken } = await createApiToken({ userId, name: 'deploy bot', scopes: ['cart:read'], ttlDays: 1 });
    await revokeApiToken({ userId, id: apiToken.id });
    const [first] = await listApiTokens({ userId });
    expect(first!.revokedAt).not.toBeNull();
    advanceClock(1_000); // a second revocation would get a later time
    await revokeApiToken({ userId, id: apiToken.id });
    expect((await listApiTokens({ userId }))[0]!.revokedAt).toBe(first!.revokedAt);
    const audit = await (await db()).auditEvent.findMany({ where: { userId, type: 'api_token_revoked' } });
    expect(audit.map((row) => row.detail)).toEqual(['deploy bot']);
  });
});
