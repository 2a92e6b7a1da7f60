export { ChainReader, type ChainComparison, type ChainComparisonInput, type ChainDocument, type ChainSide } from './compare-chains';
export { ContentCache } from './content/content-cache';
export { computeVersion, type VersionInput, type VersionOutcome } from './compute-version';
export { alongChain, encodeVersion, isUnchanged, KEYFRAME_FACTOR, rebuildVersion, type EncodedVersion, type PreviousVersion } from './version-data';
export { contentOf, type ContentOrigins, type TextRun, type VersionContent } from './content/from-yjs';
export { plainText } from './content/plain-text';
export { diffDocuments, type DiffOptions } from './diff/diff-documents';
export type { ChangeKind, DeleteChange, DocumentChange, FormatChange, InsertChange, NodeChange, NodeMarkup, ProseMirrorJSON } from './diff/changes';
export { restoreChange, type RestoreChange } from './restore';
