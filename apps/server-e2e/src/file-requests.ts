import { request as httpRequest } from 'node:http';
import { UploadedFile } from '@quire/api-contract';
import { api, SESSION_COOKIE, type ApiAnswer, type Caller } from './access';

/** The smallest PNG: one transparent pixel. */
export const PNG_PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
/** An SVG that would run script if a browser rendered it as a page. */
export const SVG_WITH_SCRIPT = '<svg xmlns="http://www.w3.org/2000/svg" onload="document.title=\'svg onload ran\'"><script>document.title = "svg script ran"; fetch("/pwned-svg")</script><circle r="5"/></svg>';
/** An HTML page that would run script if a browser rendered it. */
export const HTML_WITH_SCRIPT = '<!DOCTYPE html><html><head><title>page</title></head><body><script>document.title = "html script ran"; fetch("/pwned-html")</script><img src="x" onerror="document.title=\'onerror ran\'"></body></html>';

/** A multipart form with `content` in the field `file` (or `field`), named `name`; the browser's type is whatever `type` says. */
export function fileForm(content: string | Uint8Array, name: string, type = 'application/octet-stream', field = 'file'): FormData {
  const form = new FormData();
  form.append(field, new Blob([content], { type }), name);
  return form;
}

/** Uploads a form to a document as `as`; resolves the answer, its body parsed with the contract when it is a 201. */
export async function upload(server: { readonly httpUrl: string }, as: Caller, documentId: string, form: FormData, headers: Record<string, string> = {}): Promise<ApiAnswer<UploadedFile>> {
  const answer = await api<UploadedFile>(server, 'POST', `/api/documents/${documentId}/files`, { as, body: form, headers });
  if (answer.status === 201) UploadedFile.parse(answer.body);
  return answer;
}

/** A file's answer, its bytes kept as they are. */
export interface FileAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly bytes: Buffer;
}

/** `GET` (or `HEAD`) a file path as `as` (or nobody), with extra headers. */
export async function fetchFile(
  server: { readonly httpUrl: string },
  path: string,
  options: { as?: Caller; headers?: Record<string, string>; method?: 'GET' | 'HEAD' } = {},
): Promise<FileAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.as?.session) headers.cookie = `${SESSION_COOKIE}=${options.as.session}`;
  if (options.as?.bearer) headers.authorization = `Bearer ${options.as.bearer}`;
  const response = await fetch(`${server.httpUrl}${path}`, { method: options.method ?? 'GET', headers });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** What {@link streamUpload} saw. */
export interface StreamedUpload {
  readonly status: number;
  readonly body: string;
  /** Body bytes written by the time the answer came. */
  readonly sentBeforeAnswer: number;
  /** Body bytes written in all, until the server cut the connection or the body was all sent. */
  readonly sent: number;
  /** Whether the server cut the connection before the body was all sent. */
  readonly cut: boolean;
}

/**
 * Streams a multipart upload of `bytes` bytes (chunked, unless `headers` gives a length) as fast
 * as the socket takes it, and goes on after the answer, as a client that does not read it would,
 * until the server cuts the connection or everything is sent.
 */
export function streamUpload(url: string, headers: Record<string, string>, bytes: number): Promise<StreamedUpload> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answer: { status: number; body: string; sentBeforeAnswer: number } | undefined;
    let cut = false;
    let done = false;
    const finish = () => {
      if (done || !answer) return;
      done = true;
      outgoing.destroy();
      resolve({ ...answer, sent, cut });
    };
    const outgoing = httpRequest(url, { method: 'POST', headers: { ...headers, 'content-type': 'multipart/form-data; boundary=quire' } }, (response) => {
      const sentBeforeAnswer = sent;
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => {
        answer = { status: response.statusCode ?? 0, body, sentBeforeAnswer };
        if (sent >= bytes) finish();
      });
    });
    outgoing.on('error', (error) => {
      cut = true;
      if (answer) finish();
      else reject(error);
    });
    outgoing.on('close', () => {
      cut ||= sent < bytes;
      // The answer may still be on its way when the socket closes under the writes.
      setTimeout(() => (answer ? finish() : done || reject(new Error('the server closed the connection without an answer'))), 100);
    });
    outgoing.write('--quire\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n');
    const chunk = Buffer.alloc(64 * 1024, 66);
    const pump = (): void => {
      while (!done && !outgoing.destroyed && sent < bytes) {
        sent += chunk.length;
        if (!outgoing.write(chunk)) return void outgoing.once('drain', pump);
      }
      if (sent >= bytes && !outgoing.destroyed) outgoing.end('\r\n--quire--\r\n', () => (answer ? finish() : undefined));
    };
    pump();
  });
}
