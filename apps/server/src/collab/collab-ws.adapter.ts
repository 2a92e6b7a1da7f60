import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, type WebSocketAdapter, type WsMessageHandler } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { WebSocketServer, type WebSocket } from 'ws';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { startLiveness } from './liveness';
import { refuseUpgrade } from './refuse-upgrade';
import { UpgradeRouter, type Admission } from './upgrade-router';

/** Most fragments one message may arrive in; clients send whole frames, so this is generous. */
const MAX_FRAGMENTS = 1024;

/**
 * Serves `@WebSocketGateway()`s on the application's own HTTP server: each upgrade goes to the
 * {@link UpgradeRouter}, and an admitted socket reaches the gateway's `handleConnection(socket,
 * admission)`, as Nest's own ws adapter hands over `(socket, request)`. Frames stay binary and go
 * to the collaboration core, so gateways here declare no `@SubscribeMessage` handlers.
 */
@Injectable()
export class CollabWsAdapter implements WebSocketAdapter<WebSocketServer, WebSocket> {
  private readonly stops: Array<() => void> = [];

  constructor(
    private readonly http: HttpAdapterHost,
    private readonly router: UpgradeRouter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  create(port: number): WebSocketServer {
    if (port !== 0) throw new Error('Quire gateways share the HTTP server: declare them without a port');
    const server = new WebSocketServer({ noServer: true, maxPayload: this.config.maxMessageBytes, maxFragments: MAX_FRAGMENTS, perMessageDeflate: false });
    const httpServer = this.http.httpAdapter.getHttpServer() as Server;
    const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(server, request, socket, head);
    httpServer.on('upgrade', onUpgrade);
    this.stops.push(() => httpServer.off('upgrade', onUpgrade), startLiveness(server, this.config.pingIntervalMs));
    return server;
  }

  bindClientConnect(server: WebSocketServer, callback: (socket: WebSocket, admission: Admission) => void): void {
    server.on('connection', callback);
  }

  bindMessageHandlers(_socket: WebSocket, handlers: WsMessageHandler[]): void {
    if (handlers.length > 0) throw new Error('Quire gateways take binary frames in the collaboration core: @SubscribeMessage is not served');
  }

  async close(server: WebSocketServer): Promise<void> {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Called by Nest once every gateway is closed: no more upgrades are listened for, no more pings sent. */
  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private upgrade(server: WebSocketServer, request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Until the handshake completes nobody else listens on this socket: a reset must not crash us.
    socket.on('error', destroyOnError);
    void this.router.route(request).then((route) => {
      if (route.kind === 'refuse') return refuseUpgrade(socket, route.status, route.message);
      // The client may have given up while the database answered.
      if (socket.destroyed) return;
      server.handleUpgrade(request, socket, head, (ws) => {
        // ws emits 'error' for malformed frames; an unhandled one would take the process down.
        ws.on('error', ignoreError);
        if (route.kind === 'close') ws.close(route.code, route.message);
        else server.emit('connection', ws, route.admission);
      });
    });
  }
}

// Module-level functions, not arrows inside upgrade(): a listener created there would keep that
// scope, and with it the upgrade request and its headers, alive as long as the socket (measured:
// one IncomingMessage retained per open connection).
function ignoreError(): void {
  // The socket's 'close' follows; the hub logs what it needs.
}

function destroyOnError(this: Duplex): void {
  this.destroy();
}
