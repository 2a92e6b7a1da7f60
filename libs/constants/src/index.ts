export { CloseCode, TERMINAL_CLOSE_CODES } from './close-codes';
export { DOCUMENT_ID_PATTERN, isValidDocumentId } from './document-id';
export { PROSEMIRROR_FRAGMENT, COLLAB_PATH, SCHEMA_VERSION_PARAM, TITLE_CHANGED_AT, COMMENTS_MAP, COMMENTS_REVISION_KEY } from './names';
export { GUEST_ID_PREFIX, isGuestId } from './guest';
export { DEFAULT_SERVER_PORT } from './server-port';
