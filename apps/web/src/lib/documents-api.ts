/** A document as `GET /api/documents` lists it. */
export interface DocumentSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

/** Why a request to the collaboration server failed, worded for the person using the page. */
export class ServerRequestError extends Error {
  constructor(
    message: string,
    /** `unreachable`: no answer at all (server down, wrong address, CORS); `http`: an error status. */
    readonly kind: 'unreachable' | 'http',
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ServerRequestError';
  }
}

async function request<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ServerRequestError(`No answer from ${url}`, 'unreachable');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
    const message = typeof body?.message === 'string' ? body.message : response.statusText || 'Request failed';
    throw new ServerRequestError(message, 'http', response.status);
  }
  return (await response.json()) as T;
}

/** All documents, most recently changed first. */
export async function listDocuments(serverUrl: string, signal?: AbortSignal): Promise<DocumentSummary[]> {
  const body = await request<{ documents: DocumentSummary[] }>(`${serverUrl}/api/documents`, {
    method: 'GET',
    cache: 'no-store',
    ...(signal ? { signal } : {}),
  });
  return body.documents;
}

/** Creates an empty document. */
export async function createDocument(serverUrl: string, title?: string): Promise<DocumentSummary> {
  return request<DocumentSummary>(`${serverUrl}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(title ? { title } : {}),
  });
}
