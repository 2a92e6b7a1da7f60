import type { IncomingMessage } from 'node:http';
import { Inject } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import { DocumentHub } from '@quire/collab-core';
import { CloseCode, COLLAB_PATH } from '@quire/constants';
import { SCHEMA_VERSION } from '@quire/editor-schema';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { AccessWatcher } from '../auth/access-watcher';
import { LOGGER } from '../logging/logger';
import { getUpgradeContext } from './upgrade-context';
import { WsConnection } from './ws-connection';

/** Hands every accepted `/collab/<documentId>` socket to the document hub. */
@WebSocketGateway({ path: COLLAB_PATH })
export class CollabGateway implements OnGatewayConnection<WebSocket> {
  constructor(
    private readonly hub: DocumentHub,
    private readonly watcher: AccessWatcher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  handleConnection(socket: WebSocket, request: IncomingMessage): void {
    const context = getUpgradeContext(request);
    if (!context) {
      // Only the upgrade router emits connections; anything else is a wiring bug.
      socket.close(CloseCode.InternalError, 'connection was not routed');
      return;
    }
    const { connectionId, documentId, schemaVersion, remoteAddress, access } = context;
    if (!access.ok) {
      // The router closes refused sockets itself; one reaching here is a wiring bug.
      socket.close(CloseCode.InternalError, 'connection was not authorized');
      return;
    }
    // An older editor would silently delete content its schema cannot represent, for everyone.
    if (schemaVersion !== undefined && schemaVersion < SCHEMA_VERSION) {
      this.logger.info({ connectionId, documentId, schemaVersion, serverSchemaVersion: SCHEMA_VERSION }, 'Editor out of date; asked to reload');
      socket.close(CloseCode.EditorOutdated, 'editor out of date: reload the page');
      return;
    }
    const connection = this.hub.handleConnection(new WsConnection(socket), {
      connectionId,
      documentId,
      remoteAddress,
      access: { user: access.user, readOnly: access.grant.role === 'viewer', guest: access.grant.kind === 'link' },
    });
    this.watcher.watch(connection, access.grant);
    socket.once('close', () => this.watcher.forget(connection));
  }
}
