// Two tabs refresh with the same cookie at the same moment (docs/security.md, "Refresh: one live
// branch per family"): neither gets a 500, both end on the one successor the family's row
// records, and the sign-in stays alive. Granting each its own new token would leave two live
// branches; treating the second as reuse would sign the person out for having two tabs.
import { describe, expect, it } from 'vitest';
import { POST as refresh } from '@/app/api/auth/refresh/route';
import { GET as me } from '@/app/api/me/route';
import { startSession } from '@/lib/auth/sign-ins';
import { db } from '@/lib/db';
import { createUser } from '@/test/shop-data';
import { makeRequest, tokensFrom } from '@/test/auth-requests';

const ctx = {} as never;

describe('two simultaneous refreshes of one refresh token', () => {
  it('both succeed with the same successor, which is the family’s one live token', async () => {
    const { id: userId } = await createUser('tabs');
    const pair = await startSession(userId);
    const cookie = `refresh=${pair.refresh.token}; signed-in=1`;

    const responses = await Promise.all([0, 1].map(() => refresh(makeRequest('/api/auth/refresh', 'POST', { cookie }), ctx)));
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const [a, b] = responses.map(tokensFrom);
    expect(a!.refreshClaims.jti).toBe(b!.refreshClaims.jti);
    expect(a!.refreshClaims.jti).not.toBe(pair.refresh.claims.jti);

    const prisma = await db();
    const row = await prisma.session.findUniqueOrThrow({ where: { id: pair.access.claims.sid } });
    expect(row).toMatchObject({ refreshJti: a!.refreshClaims.jti, previousRefreshJti: pair.refresh.claims.jti, revokedAt: null });
    expect(await prisma.revokedToken.findUnique({ where: { jti: pair.access.claims.sid } })).toBeNull();
    expect(await prisma.revokedToken.findUnique({ where: { jti: pair.refresh.claims.jti } })).toMatchObject({ reason: 'rotated' });

    // Both tabs carry on: the successor rotates once more, and both access tokens work.
    for (const tab of [a!, b!]) expect((await me(makeRequest('/api/me', 'GET', { origin: null, bearer: tab.access }), ctx)).status).toBe(200);
    const next = await refresh(makeRequest('/api/auth/refresh', 'POST', { cookie: `refresh=${a!.refresh}` }), ctx);
    expect(next.status).toBe(200);
  });
});
