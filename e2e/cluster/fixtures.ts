// The `cluster` Playwright project's fixtures: one cluster (fresh Postgres database, two
// `next start` instances, nginx) per worker, torn down when the worker ends, pass or fail.
// baseURL is the balancer, so page.goto('/cart') goes through nginx.
import { randomUUID } from 'node:crypto';
import { test as base, expect } from '@playwright/test';
import { startCluster, type Cluster } from './support/cluster.ts';

export type ClusterUser = { email: string; name: string; password: string };

export const test = base.extend<{ user: ClusterUser }, { cluster: Cluster }>({
  cluster: [
    async ({}, use) => {
      const cluster = await startCluster();
      try {
        await use(cluster);
      } finally {
        await cluster.stop();
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ cluster }, use) => {
    await use(cluster.url);
  },
  user: async ({}, use) => {
    const id = randomUUID().slice(0, 8);
    await use({ email: `cluster-${id}@example.test`, name: `Cluster ${id}`, password: `Pw-${randomUUID()}` });
  },
});

export { expect };
