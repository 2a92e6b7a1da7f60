import type { WebSocket, WebSocketServer } from 'ws';

/**
 * Pings every client at an interval and terminates those that did not answer the previous ping,
 * so half-open connections (a laptop lid closed, a dropped NAT mapping) do not linger.
 */
export function startLiveness(server: WebSocketServer, intervalMs: number): () => void {
  const alive = new WeakSet<WebSocket>();
  server.on('connection', (socket: WebSocket) => {
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
  });
  const timer = setInterval(() => {
    for (const socket of server.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
