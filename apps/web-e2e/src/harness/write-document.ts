import type { Node } from 'prosemirror-model';
import { prosemirrorToYDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import type { QuireApi } from './api';
import { connectRawClient, type RawClient } from './raw-client';

/**
 * Writes `content` into an empty document as a script would: the stock y-websocket client, with a
 * ticket of `member`'s, sends the Y.Doc y-prosemirror builds from it. So a page can show elements
 * whatever its toolbar offers. Destroy the client once a page shows the content: its update is
 * then stored.
 */
export async function writeDocument(member: { api: QuireApi }, serverUrl: string, documentId: string, content: Node): Promise<RawClient> {
  const { ticket } = await member.api.ticket(documentId);
  const client = await connectRawClient(serverUrl, documentId, ticket);
  if (client.fragment.length > 0) throw new Error(`Document ${documentId} is not empty`);
  Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(prosemirrorToYDoc(content, PROSEMIRROR_FRAGMENT)));
  return client;
}
