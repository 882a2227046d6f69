// `npm run load`: starts the cluster (two `next start` instances behind nginx on a fresh Postgres
// database; needs a production build: `npm run build`, or NEXT_DIST_DIR for another dir) and runs
// the load test of bench/cluster-load.ts against one instance, then against the pair.
//
//   npm run load                      20 s per scenario
//   npm run load -- --duration 60 --connections 32 --users 50
//
// Prints requests/s and p50/p99 latency per scenario; exits 1 when a scenario has errors or
// lost writes.
import { parseArgs } from 'node:util';
import { runLoad } from '../../bench/cluster-load.ts';
import { startCluster } from './support/cluster.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '20' },
      users: { type: 'string', default: '50' },
      connections: { type: 'string', default: '16' },
    },
  });
  const durationSeconds = Number(values.duration);
  const users = Number(values.users);
  const connections = Number(values.connections);
  for (const [name, n] of Object.entries({ duration: durationSeconds, users, connections })) {
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number`);
  }
  const cluster = await startCluster();
  let failed = false;
  try {
    console.log(`[load] ${durationSeconds} s per scenario, ${connections} connections, ${users} users per scenario`);
    const results = await runLoad({ cluster, durationSeconds, users, connections });
    console.log('\nscenario             req/s    p50 ms   p99 ms   requests   errors   lost writes');
    for (const r of results) {
      console.log(
        `${r.scenario.padEnd(20)} ${r.requestsPerSecond.toFixed(0).padStart(6)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ` +
          `${String(r.requests).padStart(10)} ${String(r.errors).padStart(8)} ${String(r.lostWrites).padStart(13)}`,
      );
      if (r.errors || r.lostWrites) {
        failed = true;
        console.error(`[load] ${r.scenario}: ${JSON.stringify(r.errorDetail)}; lost writes ${r.lostWrites}`);
      }
    }
  } finally {
    await cluster.stop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
