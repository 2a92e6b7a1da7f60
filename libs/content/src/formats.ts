// The import formats and how a file's format is told, apart from the converters: the server's
// main thread needs these to answer 415 and hand files to the worker, and must not load what
// converts (happy-dom, mammoth, jszip, markdown-it: 12 of an idle server's 41 MB of heap).

/** What an import or a write can be given. */
export const IMPORT_FORMATS = ['markdown', 'html', 'text', 'docx', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const BY_TYPE: Record<string, ImportFormat> = {
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/json': 'json',
};
const BY_EXTENSION: Record<string, ImportFormat> = { md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html', txt: 'text', text: 'text', docx: 'docx', json: 'json' };

/**
 * The format of a file from its name's extension, else its content type (browsers send
 * `application/octet-stream` or nothing for `.md`); `undefined` for anything else (415).
 */
export function importFormatOf(contentType: string | undefined, name?: string): ImportFormat | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name ?? '')?.[1]?.toLowerCase();
  if (extension && BY_EXTENSION[extension]) return BY_EXTENSION[extension];
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return BY_TYPE[type];
}
