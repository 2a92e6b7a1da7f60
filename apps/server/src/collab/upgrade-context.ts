import type { IncomingMessage } from 'node:http';
import type { SocketDecision } from '../auth/tickets-service';

/** What the upgrade router learnt about an accepted request, for the gateway to use. */
export interface UpgradeContext {
  readonly connectionId: string;
  readonly documentId: string;
  readonly schemaVersion: number | undefined;
  readonly remoteAddress: string | undefined;
  /** What the socket's token allows, decided before the handshake completed. */
  readonly access: SocketDecision;
}

const contexts = new WeakMap<IncomingMessage, UpgradeContext>();

/** Remembers the context of an accepted upgrade; the request object carries it to the gateway. */
export function setUpgradeContext(request: IncomingMessage, context: UpgradeContext): void {
  contexts.set(request, context);
}

/** The context the upgrade router attached to this request, if it accepted it. */
export function getUpgradeContext(request: IncomingMessage): UpgradeContext | undefined {
  return contexts.get(request);
}
