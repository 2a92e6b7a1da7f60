/**
 * Version of the document schema. The editor sends it when it connects, and the server closes
 * connections from older editors with 4426 (EditorOutdated).
 *
 * Bump it whenever the schema changes incompatibly: a node, mark or attribute is removed or renamed,
 * or a content expression is narrowed. An older editor would silently drop content it cannot
 * represent, and y-prosemirror would write that loss back to everyone. Adding a node or mark that old
 * editors may drop is incompatible too; changing only parse rules or rendering is not.
 *
 * 2: tables, task lists, callouts, images, attachments, mentions, heading level 4, code block
 * languages, text alignment, and the highlight, text colour, subscript and superscript marks.
 * 3: the comment mark (a thread's anchor, `threadId`), which a version-2 editor would delete with
 * the text it covers.
 */
export const SCHEMA_VERSION = 3;
