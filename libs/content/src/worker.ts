import { ContentError } from './content-error';
import { convertFile, importTitle, type ImportFormat } from './import-file';

/** A conversion handed to a worker thread. */
export interface ConversionTask {
  readonly format: ImportFormat;
  readonly bytes: Uint8Array;
  readonly fileName?: string;
}

/** What a worker answers: the document as ProseMirror JSON, its title, the changes; or the refusal's message. */
export type ConversionOutcome =
  | { readonly ok: true; readonly json: unknown; readonly title: string; readonly changes: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * The worker threads' entry (`@quire/content/worker`, for piscina): a file converted away from the
 * server's event loop. A {@link ContentError} comes back as a refusal; anything else (a stack
 * overflow on hostile input) as a refusal too, with a general message.
 */
export default async function convert(task: ConversionTask): Promise<ConversionOutcome> {
  try {
    const { doc, changes } = await convertFile(task.format, task.bytes);
    return { ok: true, json: doc.toJSON(), title: importTitle(doc, task.fileName), changes };
  } catch (error) {
    if (error instanceof ContentError) return { ok: false, message: error.message };
    return { ok: false, message: `This file cannot be converted (${error instanceof RangeError ? 'it is too deeply nested or too large' : 'it is malformed'})` };
  }
}
