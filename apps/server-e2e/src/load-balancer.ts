import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { freePort } from './server-process';

/** How a {@link LoadBalancer} picks a backend for a new connection. */
export type BalancingPolicy = 'round-robin' | 'first-available';

/** A loopback TCP load balancer in front of several server instances, without sticky sessions. */
export interface LoadBalancer {
  readonly port: number;
  readonly wsUrl: string;
  /** Backend port of each connection accepted so far, oldest first. */
  readonly routed: readonly number[];
  close(): Promise<void>;
}

/**
 * Accepts TCP connections and pipes each to a backend: the next in turn (`round-robin`) or the
 * first in the list (`first-available`); a backend that refuses the connection (a killed
 * instance) is skipped for the next one. WebSocket upgrades pass through untouched, as behind
 * any TCP or HTTP load balancer.
 */
export async function startLoadBalancer(backends: readonly number[], policy: BalancingPolicy = 'round-robin'): Promise<LoadBalancer> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  const routed: number[] = [];
  let turn = 0;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  };

  const route = (client: Socket, candidates: number[]) => {
    const [backend, ...rest] = candidates;
    if (backend === undefined || client.destroyed) {
      client.destroy();
      return;
    }
    const upstream = createConnection(backend, '127.0.0.1');
    let connected = false;
    upstream.on('error', () => {
      if (!connected) route(client, rest);
    });
    upstream.once('connect', () => {
      connected = true;
      track(upstream);
      routed.push(backend);
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.resume();
    });
  };

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    track(client);
    const start = policy === 'round-robin' ? turn++ % backends.length : 0;
    route(client, [...backends.slice(start), ...backends.slice(0, start)]);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    routed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
