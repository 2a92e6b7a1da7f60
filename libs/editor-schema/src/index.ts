export { schema, type QuireSchema } from './schema';
export { SCHEMA_VERSION } from './version';
export { isSafeHref, SAFE_LINK_PROTOCOLS } from './href';
export { nodes, HEADING_LEVELS, type HeadingLevel, type NodeName } from './nodes';
export { marks, type MarkName } from './marks';
export { deriveTitle, MAX_TITLE_LENGTH } from './title';
