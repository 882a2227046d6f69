// The API-token list on /account is the owner's alone: another user's token names and scopes
// (which say what their programs can do) never appear in it.
import { describe, expect, it } from 'vitest';
import { createUser } from '@/test/shop-data';
import { createApiToken, listApiTokens } from './api-tokens';

describe('listApiTokens', () => {
  it('lists only the user’s own tokens, and nothing for a user without any', async () => {
    const [owner, other, none] = await Promise.all([createUser('lister'), createUser('neighbour'), createUser('empty')]);
    await createApiToken({ userId: owner.id, name: 'first script', scopes: ['cart:read'], ttlDays: 1 });
    await createApiToken({ userId: other.id, name: 'neighbour’s secret bot', scopes: ['cart:write', 'orders:read'], ttlDays: 1 });
    await createApiToken({ userId: owner.id, name: 'second script', scopes: ['profile:read'], ttlDays: 1 });

    // Both created in one millisecond would tie on createdAt: compare without the order.
    expect((await listApiTokens({ userId: owner.id })).map((t) => [t.name, t.scopes]).sort()).toEqual([
      ['first script', ['cart:read']],
      ['second script', ['profile:read']],
    ]);
    expect((await listApiTokens({ userId: other.id })).map((t) => t.name)).toEqual(['neighbour’s secret bot']);
    expect(await listApiTokens({ userId: none.id })).toEqual([]);
  });
});
