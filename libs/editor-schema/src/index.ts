export { schema, type QuireSchema } from './schema';
export { SCHEMA_VERSION } from './version';
export { isSafeHref, SAFE_LINK_PROTOCOLS } from './href';
export { nodes, HEADING_LEVELS, type HeadingLevel, type NodeName } from './nodes';
export { marks, type MarkName } from './marks';
export { deriveTitle, MAX_TITLE_LENGTH } from './title';
export { documentText } from './text';
export { ALIGNMENTS, isAlignment, type Alignment } from './alignment';
export {
  PALETTE,
  TEXT_COLORS,
  HIGHLIGHT_COLORS,
  isPaletteColor,
  nearestTextColor,
  nearestHighlightColor,
  type PaletteColor,
} from './palette';
export { CALLOUT_KINDS, isCalloutKind, type CalloutKind } from './callout-nodes';
export { CODE_LANGUAGE_PATTERN, normalizeCodeLanguage } from './code-language';
export {
  FILE_URL_PATTERN,
  UPLOAD_PLACEHOLDER_PATTERN,
  isSafeFileSrc,
  isUploadPlaceholder,
  uploadPlaceholderSrc,
} from './file-src';
export { mentionText } from './mention-nodes';
export { markdownParser, parseMarkdown, markdownSerializer, serializeMarkdown, looksLikeMarkdown } from './markdown';
