import { COMMENTS_MAP, COMMENTS_REVISION_KEY, PROSEMIRROR_FRAGMENT } from '@quire/constants';
import * as encoding from 'lib0/encoding';
import { schema } from '@quire/editor-schema';
import type { Mark, Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { initProseMirrorDoc, relativePositionToAbsolutePosition, updateYFragment } from 'y-prosemirror';
import * as Y from 'yjs';

/** The mark type that anchors a thread (libs/editor-schema). */
const COMMENT = schema.marks.comment;
/** y-prosemirror stores a mark that may overlap others of its type under `comment--<hash>`. */
const COMMENT_ATTRIBUTE = /^comment(--.*)?$/;
/** What an atom (a mention, an image) counts as when text is searched and quoted. */
const ATOM = '\uFFFC';

/** Where a new thread stands: the first occurrence of a text, or a browser's selection (two Yjs relative positions). */
export type CommentTarget = { readonly quote: string } | { readonly start: Uint8Array; readonly end: Uint8Array };

/** The change that anchors a thread, and the text it covers; or why it cannot be made. */
export type AnchorResult =
  | { readonly ok: true; readonly update: Uint8Array; readonly quote: string }
  | { readonly ok: false; readonly reason: 'quote-not-found' | 'anchor-not-found' | 'no-text' };

/**
 * The update that puts thread `threadId`'s `comment` mark on `target` in `doc`'s content, computed
 * as an editor computes an edit (y-prosemirror's `updateYFragment`, only the formatting of the
 * covered text changes) on a copy with a client id of its own; `doc` itself is not changed: apply
 * the update to it (the hub's `applyServerChange`). Relative positions are resolved in `doc` as it
 * stands, so an anchor made before others' concurrent edits lands on the text it was made on.
 */
export function anchorThread(doc: Y.Doc, threadId: string, target: CommentTarget): AnchorResult {
  return onCopy(doc, (copy, fragment, content, meta) => {
    const range = 'quote' in target ? findQuote(content, target.quote) : resolveAnchor(copy, fragment, content, meta.mapping, target);
    if (!range) return { ok: false, reason: 'quote' in target ? 'quote-not-found' : 'anchor-not-found' };
    const mark = COMMENT.create({ threadId });
    const changed = new Transform(content).addMark(range.from, range.to, mark).doc;
    if (!markedText(changed, mark)) return { ok: false, reason: 'no-text' };
    const update = changeFragment(copy, fragment, changed, meta);
    if (!update) return { ok: false, reason: 'no-text' };
    return { ok: true, update, quote: content.textBetween(range.from, range.to, '\n', ATOM) };
  });
}

/** The update that removes thread `threadId`'s mark wherever it is, or `undefined` when it is nowhere. */
export function unanchorThread(doc: Y.Doc, threadId: string): Uint8Array | undefined {
  if (!anchoredThreadIds(doc).has(threadId)) return undefined;
  return onCopy(doc, (copy, fragment, content, meta) => {
    const changed = new Transform(content).removeMark(0, content.content.size, COMMENT.create({ threadId })).doc;
    return changeFragment(copy, fragment, changed, meta);
  });
}

/**
 * The ids of every thread whose mark occurs in `doc`'s content; a thread not among them is
 * detached. Reads the Yjs structure directly (building ProseMirror nodes from the live doc could
 * change it: y-prosemirror deletes what the schema cannot hold), once per state of the doc.
 */
export function anchoredThreadIds(doc: Y.Doc): ReadonlySet<string> {
  let known = anchoredCache.get(doc);
  if (!known) {
    const entry = { ids: undefined as ReadonlySet<string> | undefined };
    // Any update may add or remove a mark: the next read walks the document again.
    doc.on('update', () => {
      entry.ids = undefined;
    });
    anchoredCache.set(doc, entry);
    known = entry;
  }
  known.ids ??= findAnchoredThreadIds(doc);
  return known.ids;
}

/**
 * What {@link anchoredThreadIds} found in each doc since its last update: every page with a
 * document open refetches the threads after each change, and all but the first read this.
 */
const anchoredCache = new WeakMap<Y.Doc, { ids: ReadonlySet<string> | undefined }>();

function findAnchoredThreadIds(doc: Y.Doc): ReadonlySet<string> {
  const ids = new Set<string>();
  const visit = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as Array<{ attributes?: Record<string, unknown> }>) {
          for (const [key, value] of Object.entries(op.attributes ?? {})) {
            const id = (value as { threadId?: unknown } | null)?.threadId;
            if (COMMENT_ATTRIBUTE.test(key) && typeof id === 'string') ids.add(id);
          }
        }
      } else if (child instanceof Y.XmlElement) {
        visit(child);
      }
    }
  };
  visit(doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
  return ids;
}

/**
 * The update that raises the `revision` of the doc's `comments` map: every client with the
 * document open sees a document update there and refetches the threads. Outside the content, so
 * neither the editor nor the version history reads it. Costs the same whatever the document's
 * size: the update is one Yjs item written directly (below), not computed on a copy of the doc.
 */
export function commentsRevisionChange(doc: Y.Doc): Uint8Array {
  const map = doc.getMap<unknown>(COMMENTS_MAP);
  const current = map.get(COMMENTS_REVISION_KEY);
  const next = (typeof current === 'number' ? current : 0) + 1;
  const holder = (map as unknown as { _map: Map<string, Y.Item> })._map.get(COMMENTS_REVISION_KEY);
  if (!holder) {
    // The first: a new key of a root map depends on nothing, so an empty doc can make it.
    const fresh = new Y.Doc({ guid: doc.guid });
    try {
      let update: Uint8Array | undefined;
      fresh.on('update', (emitted: Uint8Array) => {
        update = emitted;
      });
      fresh.getMap(COMMENTS_MAP).set(COMMENTS_REVISION_KEY, next);
      return update as Uint8Array;
    } finally {
      fresh.destroy();
    }
  }
  return overwriteUpdate(holder, next);
}

/**
 * A Yjs update (v1) holding one item that replaces map entry `holder` with `value`, as
 * `map.set(key, value)` would write it: a new client id's first item, whose origin is `holder`
 * (so it lands to its right and wins the key; Yjs deletes `holder` when it integrates it), with
 * JSON content (ContentAny) and no deletions of its own.
 */
function overwriteUpdate(holder: Y.Item, value: number): Uint8Array {
  const CONTENT_ANY = 8;
  const HAS_ORIGIN = 0x80;
  const HAS_PARENT_SUB = 0x20;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client
  encoding.writeVarUint(encoder, 1); // one struct
  encoding.writeVarUint(encoder, newClientId());
  encoding.writeVarUint(encoder, 0); // its first clock
  encoding.writeUint8(encoder, CONTENT_ANY | HAS_ORIGIN | HAS_PARENT_SUB);
  // The origin: the last id of the entry it replaces (the parent and key follow from it).
  encoding.writeVarUint(encoder, holder.id.client);
  encoding.writeVarUint(encoder, holder.id.clock + holder.length - 1);
  encoding.writeVarUint(encoder, 1); // one value
  encoding.writeAny(encoder, value);
  encoding.writeVarUint(encoder, 0); // an empty delete set
  return encoding.toUint8Array(encoder);
}

/** A random Yjs client id, as Yjs makes one (an unsigned 32-bit number). */
function newClientId(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}

type Meta = ReturnType<typeof initProseMirrorDoc>['meta'];

function copyOf(doc: Y.Doc): Y.Doc {
  // The same guid: a new Y.Doc without one draws a random UUID (31 crypto calls, ~75 µs).
  const copy = new Y.Doc({ guid: doc.guid });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function onCopy<T>(doc: Y.Doc, work: (copy: Y.Doc, fragment: Y.XmlFragment, content: Node, meta: Meta) => T): T {
  const copy = copyOf(doc);
  try {
    const fragment = copy.getXmlFragment(PROSEMIRROR_FRAGMENT);
    // On the copy: what the schema cannot hold is deleted there, never in the live document.
    const { doc: content, meta } = initProseMirrorDoc(fragment, schema);
    return work(copy, fragment, content, meta);
  } finally {
    copy.destroy();
  }
}

/** The update that makes the copy's fragment hold `changed`: only what differs is written. */
function changeFragment(copy: Y.Doc, fragment: Y.XmlFragment, changed: Node, meta: Meta): Uint8Array | undefined {
  let update: Uint8Array | undefined;
  const listener = (emitted: Uint8Array) => {
    update = emitted;
  };
  copy.on('update', listener);
  try {
    copy.transact(() => updateYFragment(copy, fragment, changed, meta));
  } finally {
    copy.off('update', listener);
  }
  return update;
}

/** The first occurrence of `quote` inside one textblock that may carry comments, in document order. */
function findQuote(content: Node, quote: string): { from: number; to: number } | undefined {
  let found: { from: number; to: number } | undefined;
  content.descendants((node, pos) => {
    if (found) return false;
    if (!node.isTextblock) return true;
    if (!node.type.allowsMarkType(COMMENT)) return false;
    // Each inline child is as long in this string as in positions: text its characters, an atom one.
    let text = '';
    node.forEach((child) => {
      text += child.isText ? (child.text ?? '') : ATOM;
    });
    const at = text.indexOf(quote);
    if (at >= 0) found = { from: pos + 1 + at, to: pos + 1 + at + quote.length };
    return false;
  });
  return found;
}

function resolveAnchor(copy: Y.Doc, fragment: Y.XmlFragment, content: Node, mapping: Meta['mapping'], target: { start: Uint8Array; end: Uint8Array }) {
  const resolve = (bytes: Uint8Array): number | null => {
    try {
      return relativePositionToAbsolutePosition(copy, fragment, Y.decodeRelativePosition(bytes), mapping);
    } catch {
      // Bytes that do not decode, or name something this document does not hold.
      return null;
    }
  };
  const start = resolve(target.start);
  const end = resolve(target.end);
  if (start === null || end === null) return undefined;
  const size = content.content.size;
  return { from: Math.min(size, Math.max(0, Math.min(start, end))), to: Math.min(size, Math.max(start, end)) };
}

/** Whether any text of `doc` carries `mark`. */
function markedText(doc: Node, mark: Mark): boolean {
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if (node.isText && mark.isInSet(node.marks)) found = true;
    return !found;
  });
  return found;
}
