import type { Node } from 'prosemirror-model';
import type { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { initProseMirrorDoc, ySyncPluginKey } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { buildCollabPlugins, type SharedNodeMapping } from './collab-plugins';
import { nextTask, type NextTask } from './next-task';

/** A document of this many blocks or fewer is bound at once, as y-prosemirror does. */
export const AT_ONCE_BLOCKS = 40;
/** Blocks of a long document's first part, before the parts are sized by how long one took. */
const START_PART_BLOCKS = 16;
/** Work one part may take: well under the 50 ms at which the page stops answering input. */
const PART_BUDGET_MS = 20;
const MIN_PART_BLOCKS = 10;
const MAX_PART_BLOCKS = 2000;
/**
 * How much larger a part may be than the one before: a part's cost is not in proportion to its
 * blocks (the browser lays out the page when ProseMirror reads the selection), and sizing the next
 * by a quick one alone made parts of 50–86 ms on a 2-core machine.
 */
const MAX_PART_GROWTH = 1.5;

export interface SharedDocumentBindingOptions {
  fragment: Y.XmlFragment;
  awareness: Awareness;
  /** How the parts wait for each other; a task each by default. */
  yieldToPage?: NextTask;
}

export interface SharedDocumentBinding {
  /** Settles once the view is bound to the shared document (never, once cancelled). */
  readonly bound: Promise<void>;
  /** Stops rendering parts; the view stays unbound (the page is leaving). */
  cancel(): void;
}

/**
 * Binds `view` (made from createUnboundEditorState) to the shared document, rendering a long one
 * a part at a time. y-prosemirror, bound to a document that is already (or just became) long,
 * renders every block in one task: a 500-paragraph document held the page for 150–300 ms, so a
 * click or a key waited that long. Here the document is converted once (initProseMirrorDoc: the
 * nodes, and the mapping from each shared type to its node that y-prosemirror keeps), its blocks
 * are appended a part at a time, each part sized to take about 20 ms, each in a task of its own;
 * then the collaboration plugins are added with that mapping, so y-prosemirror starts from the
 * nodes on screen instead of rendering them again. Parts go top first: the text a person sees
 * comes first.
 *
 * The view is not editable until bound (the page's `editable` waits for `bound`), so nothing of the
 * person's can be lost or written back from a half-rendered document. A change to the shared
 * document while the parts render (someone typing) makes the mapping stale: then y-prosemirror
 * renders the whole document when bound, as it would have anyway.
 */
export function bindSharedDocument(view: EditorView, { fragment, awareness, yieldToPage = nextTask }: SharedDocumentBindingOptions): SharedDocumentBinding {
  // Bound already (an effect run again on the same view): nothing to add twice.
  if (ySyncPluginKey.getState(view.state) !== undefined) return { bound: Promise.resolve(), cancel: () => undefined };
  const editing = view.state.plugins;
  const bind = (mapping?: SharedNodeMapping) => {
    const plugins: Plugin[] = [...buildCollabPlugins(fragment, awareness, mapping), ...editing];
    view.updateState(view.state.reconfigure({ plugins }));
  };
  if (fragment.length <= AT_ONCE_BLOCKS) {
    bind();
    return { bound: Promise.resolve(), cancel: () => undefined };
  }

  let changed = false;
  const noticeChange = () => {
    changed = true;
  };
  fragment.observeDeep(noticeChange);
  const { doc, mapping } = initProseMirrorDoc(fragment, view.state.schema) as { doc: Node; mapping: SharedNodeMapping };
  let cancelWait: (() => void) | null = null;
  let resolveBound: () => void = () => undefined;
  const bound = new Promise<void>((resolve) => {
    resolveBound = resolve;
  });

  let next = 0;
  let partBlocks = START_PART_BLOCKS;
  const renderPart = () => {
    cancelWait = null;
    if (view.isDestroyed) return;
    const started = performance.now();
    const end = Math.min(doc.childCount, next + partBlocks);
    const blocks: Node[] = [];
    for (let index = next; index < end; index++) blocks.push(doc.child(index));
    const tr = view.state.tr;
    // The first part replaces the empty paragraph an unbound document starts with.
    if (next === 0) tr.replaceWith(0, tr.doc.content.size, blocks);
    else tr.insert(tr.doc.content.size, blocks);
    // Content of the shared document, not the person's: no undo step, and a commenter's guard lets it in.
    tr.setMeta('addToHistory', false).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    view.updateState(view.state.apply(tr));
    next = end;
    const took = Math.max(performance.now() - started, 1);
    partBlocks = Math.min(MAX_PART_BLOCKS, Math.round(partBlocks * MAX_PART_GROWTH), Math.max(MIN_PART_BLOCKS, Math.round((partBlocks * PART_BUDGET_MS) / took)));
    if (next < doc.childCount) {
      cancelWait = yieldToPage(renderPart);
      return;
    }
    // Binding reconfigures every plugin over the whole document (the comments' marks, the
    // cursors): a task of its own, not the last part's.
    cancelWait = yieldToPage(() => {
      cancelWait = null;
      if (view.isDestroyed) return;
      fragment.unobserveDeep(noticeChange);
      bind(changed ? undefined : mapping);
      resolveBound();
    });
  };
  cancelWait = yieldToPage(renderPart);

  return {
    bound,
    cancel: () => {
      cancelWait?.();
      cancelWait = null;
      fragment.unobserveDeep(noticeChange);
    },
  };
}
