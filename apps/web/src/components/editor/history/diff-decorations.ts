import type { PersonRef, VersionChange } from '@quire/api-contract';
import { colorForUserId } from '@quire/editor';
import { DOMSerializer, Slice, type Node, type Schema } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** The colour for changes nobody is known to have made (content older than recorded authors). */
const UNKNOWN_AUTHOR_COLOR = '#475569';

/** The colour of a change: its first author's, as their cursor and avatar have it. */
export function changeColor(authorIds: readonly string[]): string {
  const first = authorIds[0];
  return first ? colorForUserId(first) : UNKNOWN_AUTHOR_COLOR;
}

/** "Ada", "Ada and Grace", or "someone" when nobody is known. */
export function authorNames(authorIds: readonly string[], authors: readonly PersonRef[]): string {
  const names = authorIds.map((id) => authors.find((author) => author.id === id)?.name ?? 'Former member');
  if (names.length === 0) return 'someone';
  if (names.length === 1) return names[0] as string;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function markNames(marks: readonly { type: string }[]): string {
  return marks.map((mark) => mark.type.replace(/_/g, ' ')).join(', ');
}

/** What a formatting change did, in words: "Ada added bold; removed italic". */
export function formatWords(change: Extract<VersionChange, { type: 'format' }>, authors: readonly PersonRef[]): string {
  const parts = [change.added.length ? `added ${markNames(change.added)}` : '', change.removed.length ? `removed ${markNames(change.removed)}` : ''];
  return `Formatting changed by ${authorNames(change.authorIds, authors)}: ${parts.filter(Boolean).join('; ')}`;
}

/** The node that starts at `from` and ends at `to`, if there is exactly one. */
function nodeSpanning(doc: Node, from: number, to: number): Node | null {
  const node = doc.nodeAt(from);
  return node && from + node.nodeSize === to ? node : null;
}

/**
 * What was deleted, struck through, drawn with the schema's own rendering. Files are not loaded:
 * an image shows its description instead.
 */
function deletedContent(schema: Schema, change: Extract<VersionChange, { type: 'delete' }>, authors: readonly PersonRef[]): HTMLElement {
  const element = document.createElement('del');
  element.className = change.kind === 'node' ? 'quire-diff-delete quire-diff-delete--block' : 'quire-diff-delete';
  element.style.setProperty('--quire-diff-color', changeColor(change.authorIds));
  element.title = `Deleted (${authorNames(change.authorIds, authors)} edited)`;
  element.contentEditable = 'false';
  try {
    const slice = Slice.fromJSON(schema, change.slice);
    element.append(DOMSerializer.fromSchema(schema).serializeFragment(slice.content));
  } catch {
    element.textContent = '(deleted content)';
  }
  for (const image of Array.from(element.querySelectorAll('img'))) {
    const text = document.createElement('span');
    text.textContent = `[image${image.alt ? `: ${image.alt}` : ''}]`;
    image.replaceWith(text);
  }
  return element;
}

/**
 * The decorations that show a comparison's changes on its newer side (`doc`): insertions in their
 * author's colour (`<ins>`), deletions struck through where they stood (`<del>` widgets), changed
 * formatting and changed nodes outlined. Positions are the comparison's (docs/api.md, "Comparing");
 * a change whose positions do not fit the document is left out rather than drawn wrong.
 */
export function diffDecorations(doc: Node, changes: readonly VersionChange[], authors: readonly PersonRef[]): DecorationSet {
  const schema = doc.type.schema;
  const size = doc.content.size;
  const fits = (from: number, to: number) => from >= 0 && to <= size && from <= to;
  const decorations: Decoration[] = [];
  changes.forEach((change, index) => {
    if (change.type === 'delete') {
      if (!fits(change.at, change.at)) return;
      decorations.push(
        Decoration.widget(change.at, () => deletedContent(schema, change, authors), { side: -1, key: `delete-${index}-${change.at}`, ignoreSelection: true }),
      );
      return;
    }
    if (!fits(change.from, change.to) || change.from === change.to) return;
    const style = `--quire-diff-color: ${changeColor(change.authorIds)}`;
    const who = authorNames(change.authorIds, authors);
    if (change.type === 'insert') {
      const node = change.kind === 'node' ? nodeSpanning(doc, change.from, change.to) : null;
      if (node && !node.isInline) {
        decorations.push(Decoration.node(change.from, change.to, { class: 'quire-diff-insert-block', style, title: `Added by ${who}` }));
      } else {
        decorations.push(Decoration.inline(change.from, change.to, { nodeName: 'ins', class: 'quire-diff-insert', style, title: `Added by ${who}` }));
      }
    } else if (change.type === 'format') {
      decorations.push(Decoration.inline(change.from, change.to, { class: 'quire-diff-format', style, title: formatWords(change, authors) }));
    } else {
      const node = nodeSpanning(doc, change.from, change.to);
      const title = `Changed by ${who}: ${change.before.type.replace(/_/g, ' ')} to ${change.after.type.replace(/_/g, ' ')}`;
      if (node) decorations.push(Decoration.node(change.from, change.to, { class: 'quire-diff-node', style, title }));
    }
  });
  return DecorationSet.create(doc, decorations);
}

/** How many changes of each sort, for the summary above the version. */
export function changeCounts(changes: readonly VersionChange[]): { insertions: number; deletions: number; formatting: number } {
  let insertions = 0;
  let deletions = 0;
  let formatting = 0;
  for (const change of changes) {
    if (change.type === 'insert') insertions++;
    else if (change.type === 'delete') deletions++;
    else formatting++;
  }
  return { insertions, deletions, formatting };
}
