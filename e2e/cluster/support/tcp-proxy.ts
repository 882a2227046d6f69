// A tiny TCP proxy between the app and Postgres, so a test can take "the database" away without
// touching the real (shared) Postgres server:
//   cut()     destroys every open connection and refuses new ones (the listener stays bound, so
//             nobody else can grab the port; new connections are accepted and reset at once);
//   restore() lets connections through again.
import net from 'node:net';

export interface TcpProxy {
  /** host:port the app should connect to. */
  readonly host: string;
  readonly port: number;
  readonly isCut: boolean;
  /** Open client connections right now. */
  readonly openConnections: number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(options: {
  listenPort: number;
  targetHost: string;
  targetPort: number;
  listenHost?: string;
}): Promise<TcpProxy> {
  const host = options.listenHost ?? '127.0.0.1';
  const sockets = new Set<net.Socket>();
  let cut = false;

  const server = net.createServer((client) => {
    if (cut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect({ host: options.targetHost, port: options.targetPort });
    sockets.add(client);
    sockets.add(upstream);
    const done = () => {
      sockets.delete(client);
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', done).on('close', done);
    upstream.on('error', done).on('close', done);
    client.pipe(upstream);
    upstream.pipe(client);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.listenPort, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    host,
    port: options.listenPort,
    get isCut() {
      return cut;
    },
    get openConnections() {
      return sockets.size / 2;
    },
    cut() {
      cut = true;
      for (const socket of sockets) socket.resetAndDestroy();
      sockets.clear();
    },
    restore() {
      cut = false;
    },
    close() {
      cut = true;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
