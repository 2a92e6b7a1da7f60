import { ThreadList, ThreadView } from '@quire/api-contract';
import { COMMENTS_MAP, COMMENTS_REVISION_KEY, PROSEMIRROR_FRAGMENT } from '@quire/constants';
import { schema } from '@quire/editor-schema';
import { expect } from 'vitest';
import { absolutePositionToRelativePosition, initProseMirrorDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import type { Account } from './access';
import { connectStockClient, eventually, synced, type StockClient } from './stock-client';
import { addParagraphs, paragraphs } from './versions-fixture';

/**
 * Writes a paragraph holding `text` with one stock client and resolves once a second one has it:
 * the server relays only what it has applied and stored, so a thread may then be anchored to it.
 */
export async function writeAndSee(wsUrl: string, documentId: string, params: Record<string, string>, text: string): Promise<void> {
  const [writer, reader] = [connectStockClient(wsUrl, documentId, { params }), connectStockClient(wsUrl, documentId, { params })];
  try {
    await Promise.all([synced(writer), synced(reader)]);
    addParagraphs(writer, text);
    await eventually(() => paragraphs(reader.doc).includes(text), `the server relays "${text}"`);
  } finally {
    writer.destroy();
    reader.destroy();
  }
}

/** The thread ids whose `comment` mark a client's document holds, with the text each covers. */
export function markedText(client: StockClient): Record<string, string> {
  const covered: Record<string, string> = {};
  const visit = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlElement) visit(child);
      if (!(child instanceof Y.XmlText)) continue;
      for (const op of child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, { threadId?: string }> }>) {
        for (const [key, value] of Object.entries(op.attributes ?? {})) {
          if (/^comment(--|$)/.test(key) && value.threadId) covered[value.threadId] = (covered[value.threadId] ?? '') + String(op.insert);
        }
      }
    }
  };
  visit(client.doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
  return covered;
}

/**
 * A client's top-level paragraphs as plain text (`paragraphs` of versions-fixture shows formatting
 * as XML tags, and a comment is formatting).
 */
export function plainParagraphs(client: StockClient): string[] {
  return client.fragment
    .toArray()
    .map((element) =>
      element instanceof Y.XmlElement
        ? element
            .toArray()
            .map((child) => (child instanceof Y.XmlText ? (child.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('') : ''))
            .join('')
        : '',
    );
}

/** The comments revision a client sees (0 before the first change). */
export function revision(client: StockClient): number {
  return (client.doc.getMap(COMMENTS_MAP).get(COMMENTS_REVISION_KEY) as number | undefined) ?? 0;
}

/**
 * A browser's anchor for the text `from`–`to` (ProseMirror positions) of the client's document:
 * each end a Yjs relative position made with y-prosemirror's mapping, base64.
 */
export function anchorOf(client: StockClient, from: number, to: number): { start: string; end: string } {
  // On a copy: building ProseMirror nodes may delete what the schema cannot hold.
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc));
  const { mapping } = initProseMirrorDoc(copy.getXmlFragment(PROSEMIRROR_FRAGMENT), schema);
  // The positions are made in the copy's fragment: its items have the same ids as the client's.
  const encode = (pos: number) => Buffer.from(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, copy.getXmlFragment(PROSEMIRROR_FRAGMENT), mapping))).toString('base64');
  const anchor = { start: encode(from), end: encode(to) };
  copy.destroy();
  return anchor;
}

/** The document's threads as `account` lists them, parsed with the contract. */
export async function threadsOf(account: Account, documentId: string): Promise<ThreadView[]> {
  const answer = await account.request('GET', `/api/documents/${documentId}/threads`);
  expect(answer.status, answer.text).toBe(200);
  return ThreadList.parse(answer.body).threads;
}

/** A thread `account` starts on the first occurrence of `quote`, parsed. */
export async function startThread(account: Account, documentId: string, quote: string, body = `About “${quote}”`): Promise<ThreadView> {
  const answer = await account.request('POST', `/api/documents/${documentId}/threads`, { body, quote });
  expect(answer.status, answer.text).toBe(201);
  return ThreadView.parse(answer.body);
}
