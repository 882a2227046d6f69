// The one autocannon wrapper (bench/load.ts) against a local server: it loops over a request plan,
// counts answers by status, and the bench's strict `load()` refuses a run that measured refusals.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load, runAutocannon } from './load';

let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    response.statusCode = request.url === '/refused' ? 401 : 200;
    response.end('ok');
  });
  // Port 0: the system picks a free one (never one of CI's).
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('runAutocannon', () => {
  it('loops each connection over the plan and counts non-2xx answers by status', async () => {
    const figures = await runAutocannon(url, {
      connections: 2,
      amount: 40,
      timeoutSeconds: 5,
      requests: [{ method: 'GET', path: '/' }, { method: 'GET', path: '/refused' }],
    });
    expect(figures.requests).toBe(40);
    expect(figures.non2xxByStatus).toEqual({ '401': 20 });
    expect(figures.non2xx).toBe(20);
    expect(figures.socketErrors + figures.timeouts).toBe(0);
    expect(figures.requestsPerSec).toBeGreaterThan(0);
  });

  it('backs the bench’s load(), which refuses a run that measured refusals', async () => {
    await expect(load(`${url}/`, { connections: 2, amount: 20 })).resolves.toMatchObject({ requests: 20, non2xx: 0, errors: 0 });
    await expect(load(`${url}/refused`, { connections: 2, amount: 20 })).rejects.toThrow(/20 non-2xx responses/);
  });
});
