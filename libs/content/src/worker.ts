import { ContentError } from './content-error';
import type { ImportFormat } from './formats';
import { convertFile } from './import-file';
import { exportDocument, importDocument, writeChange, type ExportFormat } from './tasks';

/** A conversion handed to a worker thread: an import, a write to a document, or an export. */
export type ConversionTask =
  | { readonly kind: 'import'; readonly format: ImportFormat; readonly bytes: Uint8Array; readonly fileName?: string }
  | { readonly kind: 'write'; readonly format: ImportFormat; readonly bytes: Uint8Array; readonly state: Uint8Array; readonly position?: 'start' | 'end' }
  | { readonly kind: 'export'; readonly format: ExportFormat; readonly updates: readonly Uint8Array[]; readonly title: string };

/** What a worker answers for each kind of task, or the refusal's message. */
export type ConversionOutcome =
  | { readonly ok: true; readonly kind: 'import'; readonly update: Uint8Array; readonly title: string; readonly changes: readonly string[] }
  | { readonly ok: true; readonly kind: 'write'; readonly update: Uint8Array | null; readonly changes: readonly string[] }
  | { readonly ok: true; readonly kind: 'export'; readonly body: string }
  | { readonly ok: false; readonly message: string };

/**
 * The worker threads' entry (`@quire/content/worker`, for piscina): every step that grows with a
 * document's size (parsing, building the ProseMirror and Yjs documents, encoding, serializing)
 * happens here, away from the server's event loop; the server only stores and applies the bytes.
 * A {@link ContentError} comes back as a refusal; anything else (a stack overflow on hostile
 * input) as a refusal too, with a general message.
 */
export default async function convert(task: ConversionTask): Promise<ConversionOutcome> {
  try {
    switch (task.kind) {
      case 'import': {
        const imported = await importDocument(task.format, task.bytes, task.fileName);
        return { ok: true, kind: 'import', ...imported };
      }
      case 'write': {
        const given = await convertFile(task.format, task.bytes);
        return { ok: true, kind: 'write', update: writeChange(task.state, given, task.position), changes: given.changes };
      }
      case 'export':
        return { ok: true, kind: 'export', body: exportDocument(task.updates, task.format, task.title) };
    }
  } catch (error) {
    if (error instanceof ContentError) return { ok: false, message: error.message };
    return { ok: false, message: `This content cannot be converted (${error instanceof RangeError ? 'it is too deeply nested or too large' : 'it is malformed'})` };
  }
}
