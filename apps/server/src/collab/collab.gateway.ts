import { WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import { mayEdit } from '@quire/api-contract';
import { DocumentHub } from '@quire/collab-core';
import { COLLAB_PATH } from '@quire/constants';
import type { WebSocket } from 'ws';
import { AccessWatcher } from '../auth/access-watcher';
import type { Admission } from './upgrade-router';
import { WsConnection } from './ws-connection';

/**
 * Hands every admitted `/collab/<documentId>` socket to the document hub, and its grant to the
 * access watcher for as long as it stays open. Refusals happened before: see {@link UpgradeRouter}.
 */
@WebSocketGateway({ path: COLLAB_PATH })
export class CollabGateway implements OnGatewayConnection<WebSocket> {
  constructor(
    private readonly hub: DocumentHub,
    private readonly watcher: AccessWatcher,
  ) {}

  handleConnection(socket: WebSocket, admission: Admission): void {
    const { connectionId, documentId, remoteAddress, grant, user, acknowledge } = admission;
    const connection = this.hub.handleConnection(new WsConnection(socket), {
      connectionId,
      documentId,
      remoteAddress,
      access: { user, readOnly: !mayEdit(grant.role), guest: grant.kind === 'link' },
      acknowledge,
    });
    this.watcher.watch(connection, grant);
    socket.once('close', () => this.watcher.forget(connection));
  }
}
