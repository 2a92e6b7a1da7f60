/** A document id: 1–128 characters of `[A-Za-z0-9_-]` (docs/architecture.md, "Collaboration endpoint"). */
export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** True when `id` is an acceptable document id. */
export function isValidDocumentId(id: string): boolean {
  return DOCUMENT_ID_PATTERN.test(id);
}
