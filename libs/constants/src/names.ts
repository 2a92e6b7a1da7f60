/** The Y.XmlFragment holding a document's ProseMirror content (y-prosemirror's convention). */
export const PROSEMIRROR_FRAGMENT = 'prosemirror';

/** Path prefix of the collaboration endpoint: `ws(s)://host/collab/<documentId>`. */
export const COLLAB_PATH = '/collab';

/** Query parameter in which the editor states its schema version when it connects. */
export const SCHEMA_VERSION_PARAM = 'schema';
