import { request as httpRequest } from 'node:http';
import { strToU8, zipSync } from 'fflate';
import type { Account, ApiAnswer } from './access';

/** A request with a raw body in its own type (Markdown, HTML, a file's bytes), as a script sends it. */
export async function rawRequest<T = unknown>(
  server: { readonly httpUrl: string },
  method: string,
  path: string,
  options: { as?: Account | 'nobody'; via?: 'token' | 'session'; type?: string; body?: string | Uint8Array; headers?: Record<string, string> } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.type) headers['content-type'] = options.type;
  const account = options.as === 'nobody' ? undefined : options.as;
  if (account && options.via === 'session') {
    headers.cookie = `quire_session=${account.session}`;
    // A browser's request comes from the web app's origin (the cross-site check lets it through).
    headers.origin ??= 'http://localhost:3000';
  }
  else if (account) headers.authorization = `Bearer ${account.bearer}`;
  const response = await fetch(`${server.httpUrl}${path}`, { method, headers, body: options.body as RequestInit['body'] });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: body as T };
}

/** A form with one file in the field `file`, as a browser's import sends it. */
export function fileForm(name: string, data: string | Uint8Array, type = 'application/octet-stream'): FormData {
  const form = new FormData();
  form.append('file', new Blob([data as Uint8Array<ArrayBuffer> | string], { type }), name);
  return form;
}

/** A minimal Word document: the three parts a .docx needs, zipped, with `body` as its WordprocessingML body. */
export function wordDocument(body: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  });
}

/** A paragraph of ProseMirror JSON. */
export const paragraphJson = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/**
 * A request on a connection of its own (node:http, no keep-alive pool), for a body the server
 * refuses before reading it all: it cuts that connection a moment later, which would break the
 * next request of a shared pool.
 */
export function requestOnOwnConnection(url: string, options: { method: string; headers: Record<string, string>; body: string }): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method, headers: options.headers, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      response.on('error', reject);
    });
    // The server may cut the connection once it has answered: the answer is what counts.
    req.on('error', (error) => reject(error));
    req.end(options.body);
  });
}
