import { FILE_ACCESS_PARAM, UPLOAD_FIELD, UploadedFile, type RemoteFileBody } from '@quire/api-contract';
import { FILE_URL_PATTERN } from '@quire/editor-schema';
import { errorMessage, ServerRequestError, type ApiClient } from './client';

/** How far an upload has gone, in bytes of the request body. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

const REFUSALS: Record<number, string> = {
  403: 'You may not add files to this document.',
  413: 'This file is larger than the server accepts.',
  429: 'Too many uploads for now; try again in a while.',
};

/**
 * Uploads `file` to a document (`POST /api/documents/:id/files`, docs/api.md "Files") with the
 * session cookie. XMLHttpRequest rather than fetch: only it reports upload progress in every
 * browser (fetch's streaming request bodies need HTTP/2 and are Chromium-only).
 */
export function uploadFile(
  api: ApiClient,
  documentId: string,
  file: File,
  { onProgress, signal }: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<UploadedFile> {
  const serverUrl = api.serverUrl;
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${serverUrl}/api/documents/${encodeURIComponent(documentId)}/files`);
    request.withCredentials = true;
    request.responseType = 'text';
    request.setRequestHeader('accept', 'application/json');
    request.upload.onprogress = (event) => onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    request.onerror = () => reject(new ServerRequestError(`No answer from ${serverUrl}`, 'unreachable'));
    request.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // An answer that is not JSON is judged by its status alone.
      }
      if (request.status !== 201) {
        const fallback = REFUSALS[request.status] ?? `The upload failed (${request.status}).`;
        reject(new ServerRequestError(request.status === 413 ? fallback : errorMessage(body, fallback), 'http', request.status));
        return;
      }
      const parsed = UploadedFile.safeParse(body);
      if (parsed.success) resolve(parsed.data);
      else reject(new ServerRequestError('The server’s answer to the upload is not what this page expects', 'invalid', request.status));
    };
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    const form = new FormData();
    form.append(UPLOAD_FIELD, file, file.name);
    request.send(form);
  });
}

/**
 * Where the browser loads a document file from: the server's origin, with a guest's file token
 * (`?access=`) when there is one. Null for anything but a file of this server.
 */
export function fileUrl(serverUrl: string, src: string, accessToken: string | null): string | null {
  if (!FILE_URL_PATTERN.test(src)) return null;
  return `${serverUrl}${src}${accessToken ? `?${FILE_ACCESS_PARAM}=${encodeURIComponent(accessToken)}` : ''}`;
}

/**
 * Asks the server to fetch an image from another site into a document's files
 * (`POST /api/documents/:id/files/remote`, docs/api.md "Files"): it refuses private addresses,
 * anything but an image, and more than an upload may carry.
 */
export function fetchRemoteImage(api: ApiClient, documentId: string, url: string): Promise<UploadedFile> {
  const body: RemoteFileBody = { url };
  return api.call(`/api/documents/${encodeURIComponent(documentId)}/files/remote`, UploadedFile, { method: 'POST', body });
}
