// The two `next start` instances the browser tests run against (one build, two databases).
import { TEST_AUTH_SECRET } from '../../test/test-env.ts';

export const HOST = '127.0.0.1';

/** E2E_PORT_BASE moves both servers (e.g. to run two suites side by side); default 3100. */
const BASE = Number(process.env.E2E_PORT_BASE ?? 3100);

export const SERVERS = {
  /** The normal app: default token lifetimes. */
  main: { port: BASE, baseURL: `http://${HOST}:${BASE}` },
  /** Access tokens live 4 s, for refresh/expiry specs (*.short-ttl.spec.ts). */
  shortTtl: { port: BASE + 1, baseURL: `http://${HOST}:${BASE + 1}` },
} as const;

/** The environment `next start` gets for one port (DATABASE_URL is added by start-server). */
export function serverEnv(port: number): Record<string, string> {
  return {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    AUTH_SECRET: TEST_AUTH_SECRET,
    BCRYPT_COST: '4',
    APP_URL: `http://${HOST}:${port}`,
    ...(port === SERVERS.shortTtl.port ? { AUTH_ACCESS_TTL: '4' } : {}),
  };
}
