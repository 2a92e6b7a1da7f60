import type { IncomingHttpHeaders } from 'node:http';
import { COLLAB_PATH, SCHEMA_VERSION_PARAM, isValidDocumentId } from '@quire/constants';
import { STORED_ACK_PARAM } from '@quire/protocol';

/** What the upgrade router decided about one upgrade request. */
export type UpgradeDecision =
  | {
      readonly ok: true;
      readonly documentId: string;
      readonly schemaVersion: number | undefined;
      /** The client asked for stored acknowledgements (`?ack=1`, libs/protocol/PROTOCOL.md). */
      readonly acknowledge: boolean;
    }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly message: string };

/**
 * Decides, before the WebSocket handshake completes, whether a request may open a collaboration
 * connection: the path must be `/collab/<valid id>` and a browser's `Origin` must be allowed.
 * Requests without an `Origin` (scripts, the stock client in Node) are not refused for that.
 */
export function checkUpgrade(
  request: { readonly url?: string; readonly headers: IncomingHttpHeaders },
  allowedOrigins: readonly string[],
): UpgradeDecision {
  const url = new URL(request.url ?? '/', 'http://upgrade.invalid');
  const prefix = `${COLLAB_PATH}/`;
  if (!url.pathname.startsWith(prefix)) {
    return { ok: false, status: 404, message: `No WebSocket endpoint at ${url.pathname}; use ${prefix}<documentId>` };
  }
  const documentId = url.pathname.slice(prefix.length);
  if (!isValidDocumentId(documentId)) {
    return { ok: false, status: 400, message: 'A document id is 1-128 characters of A-Z, a-z, 0-9, _ and -' };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedOrigins.includes(origin)) {
    return { ok: false, status: 403, message: `Origin ${origin} is not allowed; add it to ALLOWED_ORIGINS` };
  }
  const schemaParam = url.searchParams.get(SCHEMA_VERSION_PARAM);
  let schemaVersion: number | undefined;
  if (schemaParam !== null) {
    schemaVersion = Number(schemaParam);
    if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 0) {
      return { ok: false, status: 400, message: `${SCHEMA_VERSION_PARAM} must be a whole number` };
    }
  }
  return { ok: true, documentId, schemaVersion, acknowledge: url.searchParams.get(STORED_ACK_PARAM) === '1' };
}
