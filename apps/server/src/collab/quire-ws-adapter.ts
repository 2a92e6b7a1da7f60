import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { INestApplication, WebSocketAdapter, WsMessageHandler } from '@nestjs/common';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { AddressRateLimiter } from './address-rate-limiter';
import { clientAddress } from './client-address';
import type { SocketDecision } from '../auth/tickets-service';
import { startLiveness } from './liveness';
import { setUpgradeContext } from './upgrade-context';
import { checkUpgrade } from './upgrade-check';

export interface QuireWsAdapterOptions {
  readonly allowedOrigins: readonly string[];
  readonly maxMessageBytes: number;
  readonly logger: Logger;
  readonly pingIntervalMs: number;
  readonly connectLimit: { readonly burst: number; readonly perSecond: number };
  readonly trustProxy: readonly string[];
  /** Decides from the `token` query parameter whether the socket may open the document. */
  readonly authorize: (token: string | null, documentId: string) => Promise<SocketDecision>;
  /** Told of every refused upgrade, for metrics. */
  readonly onRefused?: (status: number) => void;
}

/** Most fragments one message may arrive in; clients send whole frames, so this is generous. */
const MAX_FRAGMENTS = 1024;

/**
 * Quire's WebSocket adapter for Nest. Nest's stock `WsAdapter` matches one exact path and
 * JSON-parses frames; this one serves every `/collab/<documentId>` path on the application's own
 * HTTP server, decides on origin and id before the handshake completes, and leaves binary frames
 * untouched for the collaboration core.
 */
export class QuireWsAdapter implements WebSocketAdapter<WebSocketServer, WebSocket> {
  private readonly stops: Array<() => void> = [];
  private readonly httpServer: Server;
  private readonly connectLimiter: AddressRateLimiter;

  constructor(
    app: INestApplication,
    private readonly options: QuireWsAdapterOptions,
  ) {
    this.httpServer = app.getHttpServer() as Server;
    this.connectLimiter = new AddressRateLimiter(options.connectLimit.burst, options.connectLimit.perSecond);
  }

  create(port: number): WebSocketServer {
    if (port !== 0) {
      throw new Error('Quire gateways share the HTTP server: declare them without a port');
    }
    const server = new WebSocketServer({
      noServer: true,
      maxPayload: this.options.maxMessageBytes,
      maxFragments: MAX_FRAGMENTS,
      perMessageDeflate: false,
    } as ConstructorParameters<typeof WebSocketServer>[0]);
    const httpServer = this.httpServer;
    const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.routeUpgrade(server, request, socket, head);
    httpServer.on('upgrade', onUpgrade);
    this.stops.push(() => httpServer.off('upgrade', onUpgrade));
    this.stops.push(startLiveness(server, this.options.pingIntervalMs));
    this.stops.push(() => this.connectLimiter.stop());
    return server;
  }

  bindClientConnect(server: WebSocketServer, callback: (socket: WebSocket, request: IncomingMessage) => void): void {
    server.on('connection', callback);
  }

  bindClientDisconnect(client: WebSocket, callback: () => void): void {
    client.on('close', callback);
  }

  /** Frames go to the collaboration core through the gateway, not to `@SubscribeMessage` handlers. */
  bindMessageHandlers(_client: WebSocket, _handlers: WsMessageHandler[]): void {
    // Intentionally empty: see the class comment.
  }

  async close(server: WebSocketServer): Promise<void> {
    for (const stop of this.stops.splice(0)) stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Nest calls this once all gateways are closed; nothing is left to release by then. */
  async dispose(): Promise<void> {
    // Everything was released in close().
  }

  private routeUpgrade(server: WebSocketServer, request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Until the handshake completes nobody else listens on this socket: a reset must not crash us.
    socket.on('error', destroyOnError);
    const remoteAddress = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], this.options.trustProxy);
    const decision = this.connectLimiter.allow(remoteAddress)
      ? checkUpgrade(request, this.options.allowedOrigins)
      : ({ ok: false, status: 429, message: 'Too many connection attempts from this address; wait a moment' } as const);
    if (!decision.ok) {
      // The query string is left out of the log: it may carry credentials.
      this.options.logger.info(
        { status: decision.status, path: request.url?.split('?')[0], origin: request.headers.origin, remoteAddress },
        `Upgrade refused: ${decision.message}`,
      );
      this.options.onRefused?.(decision.status);
      refuseUpgrade(socket, decision.status, decision.message);
      return;
    }
    const token = new URL(request.url ?? '/', 'http://upgrade.invalid').searchParams.get('token');
    const documentId = decision.documentId;
    this.options.authorize(token, documentId).then(
      (access) => this.completeUpgrade(server, request, socket, head, { ...decision, remoteAddress, access }),
      (error: unknown) => {
        this.options.logger.error({ err: error, documentId, remoteAddress }, 'Could not check socket access; refusing with 503');
        refuseUpgrade(socket, 503, 'Cannot check access right now (is the database reachable?); try again shortly');
      },
    );
  }

  private completeUpgrade(
    server: WebSocketServer,
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    checked: { documentId: string; schemaVersion: number | undefined; remoteAddress: string | undefined; access: SocketDecision },
  ): void {
    // The client may have given up while the database answered.
    if (socket.destroyed) return;
    const { documentId, schemaVersion, remoteAddress, access } = checked;
    if (!access.ok) {
      this.options.logger.info({ documentId, remoteAddress, code: access.code }, `Socket refused: ${access.message}`);
      this.options.onRefused?.(access.code);
    }
    setUpgradeContext(request, { connectionId: randomUUID(), documentId, schemaVersion, remoteAddress, access });
    server.handleUpgrade(request, socket, head, (ws) => {
      // ws emits 'error' for malformed frames; an unhandled one would take the process down.
      ws.on('error', ignoreError);
      // Accepted and closed at once, before any document byte, so a page can read why (DESIGN.md).
      if (!access.ok) ws.close(access.code, access.message);
      else server.emit('connection', ws, request);
    });
  }
}

// These listeners are module-level functions, not arrows inside routeUpgrade/completeUpgrade: a
// listener created there would keep that scope, and with it the upgrade request and its headers,
// alive as long as the socket (measured: one IncomingMessage retained per open connection).
function ignoreError(): void {
  // The socket's 'close' follows; the hub logs what it needs.
}

function destroyOnError(this: Duplex): void {
  this.destroy();
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
