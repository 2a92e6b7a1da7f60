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
