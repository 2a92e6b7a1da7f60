import { isSafeFileSrc, isUploadPlaceholder, schema, uploadPlaceholderSrc } from '@quire/editor-schema';
import type { Node } from 'prosemirror-model';
import { NodeSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';

/** What an image is made of; `src` a server file, an http(s) URL, or `uploadPlaceholderSrc(id)`. */
export interface ImageAttrs {
  src: string;
  alt?: string;
  title?: string;
  width?: number | null;
}

/** What an attachment is made of; `src` a server file (`/api/files/<id>`) or an upload placeholder. */
export interface AttachmentAttrs {
  src: string;
  name: string;
  size?: number | null;
  contentType?: string;
}

const loadable = (src: string) => isSafeFileSrc(src) || isUploadPlaceholder(src);

/** Puts a block node in place of the selection (an empty paragraph is replaced), selecting it. */
function insertBlock(node: Node): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if ($from.parent.type.spec.code) return false;
    if (!dispatch) return true;
    const tr = state.tr;
    const emptyParagraph = $from.parent.type === schema.nodes.paragraph && $from.parent.content.size === 0 && $from.depth > 0;
    const at = emptyParagraph ? $from.before() : $from.depth > 0 ? $from.after() : $from.pos;
    if (emptyParagraph) tr.replaceWith(at, $from.after(), node);
    else tr.insert(at, node);
    tr.setSelection(NodeSelection.create(tr.doc, at));
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** Inserts an image block; refused for a source the page may not load (`data:`, `javascript:`…). */
export function insertImage(attrs: ImageAttrs): Command {
  if (!loadable(attrs.src)) return () => false;
  return insertBlock(schema.nodes.image.create({ alt: '', title: '', width: null, ...attrs }));
}

/** Inserts an attachment block; refused unless `src` is a server file or an upload placeholder. */
export function insertAttachment(attrs: AttachmentAttrs): Command {
  if (!/^\/api\/files\//.test(attrs.src) && !isUploadPlaceholder(attrs.src)) return () => false;
  return insertBlock(schema.nodes.attachment.create({ size: null, contentType: '', ...attrs }));
}

/** Changes the image at `pos`: its alt text, caption (`title`) or `width` (a resize). */
export function updateImage(pos: number, attrs: Partial<Omit<ImageAttrs, 'src'>>): Command {
  return (state, dispatch) => {
    const node = state.doc.nodeAt(pos);
    if (node?.type !== schema.nodes.image) return false;
    if (attrs.width !== undefined && attrs.width !== null && !(Number.isInteger(attrs.width) && attrs.width > 0)) return false;
    if (dispatch) dispatch(state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs }));
    return true;
  };
}

/** Where the nodes carrying the placeholder of `uploadId` are. */
function placeholders(state: EditorState, uploadId: string): { pos: number; node: Node }[] {
  const src = uploadPlaceholderSrc(uploadId);
  const found: { pos: number; node: Node }[] = [];
  state.doc.descendants((node, pos) => {
    if ((node.type === schema.nodes.image || node.type === schema.nodes.attachment) && node.attrs['src'] === src) found.push({ pos, node });
    return !node.isLeaf;
  });
  return found;
}

/**
 * An upload finished: the image or attachment placeholders of `uploadId` (wherever collaborators
 * moved them) get the file's `src` (and any other attributes given, such as an attachment's size).
 */
export function completeUpload(uploadId: string, src: string, attrs: Record<string, unknown> = {}): Command {
  return (state, dispatch) => {
    if (!isSafeFileSrc(src)) return false;
    const found = placeholders(state, uploadId);
    if (found.length === 0) return false;
    if (dispatch) {
      const tr: Transaction = state.tr;
      for (const { pos, node } of found) tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs, src });
      dispatch(tr);
    }
    return true;
  };
}

/** An upload failed or was cancelled: its placeholders go. */
export function removeUpload(uploadId: string): Command {
  return (state, dispatch) => {
    const found = placeholders(state, uploadId);
    if (found.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const { pos, node } of found.reverse()) tr.delete(pos, pos + node.nodeSize);
      dispatch(tr);
    }
    return true;
  };
}

/** A person to mention: their user id and the name shown now. */
export interface MentionAttrs {
  id: string;
  label: string;
}

/** Inserts a mention of a person at the selection, followed by a space. */
export function insertMention({ id, label }: MentionAttrs): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if (!$from.parent.inlineContent || !$from.parent.type.contentMatch.matchType(schema.nodes.mention) || $from.parent.type.spec.code) return false;
    if (dispatch) {
      const mention = schema.nodes.mention.create({ id, label });
      dispatch(state.tr.replaceSelectionWith(mention, false).insertText(' ').scrollIntoView());
    }
    return true;
  };
}
