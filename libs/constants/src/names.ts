/** The Y.XmlFragment holding a document's ProseMirror content (y-prosemirror's convention). */
export const PROSEMIRROR_FRAGMENT = 'prosemirror';

/** Path prefix of the collaboration endpoint: `ws(s)://host/collab/<documentId>`. */
export const COLLAB_PATH = '/collab';

/** Query parameter in which the editor states its schema version when it connects. */
export const SCHEMA_VERSION_PARAM = 'schema';

/**
 * The awareness field by which the server says "this document was renamed" (the time, in ms): a
 * state of its own, without `user`, that pages answer by reading the title from the API.
 */
export const TITLE_CHANGED_AT = 'titleChangedAt';

/**
 * The Y.Map of a document's Y.Doc through which the server announces a change to its comment
 * threads: it raises the map's `revision` (COMMENTS_REVISION_KEY, a number) after each, as a
 * document update everyone with the document open receives; pages then refetch the threads.
 */
export const COMMENTS_MAP = 'comments';
export const COMMENTS_REVISION_KEY = 'revision';
