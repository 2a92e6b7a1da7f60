// One title derivation for the server and the web editor: it lives with the document schema
// (@quire/editor-schema, which both use), so the title the server stores and the one a page shows
// while it waits for it never disagree. Its spec is there too.
export { deriveTitle, MAX_TITLE_LENGTH } from '@quire/editor-schema';
