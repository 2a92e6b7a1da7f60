/**
 * The statements on uploaded files' records, with the table qualified by the storage's schema
 * (`quoted`, already an escaped identifier).
 */
export function fileStatementsFor(quoted: string) {
  const files = `${quoted}.files`;
  const file = 'id, document_id, uploader_id, name, content_type, bytes, created_at';
  return {
    /** `$1` id, `$2` document id, `$3` uploader id, `$4` name, `$5` content type, `$6` bytes. */
    insertFile: `
      INSERT INTO ${files} (id, document_id, uploader_id, name, content_type, bytes, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING ${file}`,
    getFile: `SELECT ${file} FROM ${files} WHERE id = $1`,
    /** `$1` limit; files whose document is gone, oldest first. */
    listUnreferencedFiles: `SELECT ${file} FROM ${files} WHERE document_id IS NULL ORDER BY created_at, id LIMIT $1`,
    /** `$1` id; only while nothing refers to it. */
    forgetUnreferencedFile: `DELETE FROM ${files} WHERE id = $1 AND document_id IS NULL`,
  };
}
