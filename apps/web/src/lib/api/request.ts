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

/** True when the server could not be reached at all (as opposed to answering with an error). */
export function isUnreachable(error: unknown): boolean {
  return error instanceof ServerRequestError && error.kind === 'unreachable';
}

/** The HTTP status of a failed request, or undefined when there was no answer. */
export function errorStatus(error: unknown): number | undefined {
  return error instanceof ServerRequestError ? error.status : undefined;
}

const unauthorizedListeners = new Set<() => void>();

/**
 * Calls `listener` whenever the API refuses a call with 401, whichever call it was: the session
 * may have ended (expired, or a password changed on another device). Returns the unsubscribe.
 */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

/** The `message` of an error body: a string, or Nest's list of validation messages. */
export function errorMessage(body: unknown, fallback: string): string {
  const message = body && typeof body === 'object' ? (body as { message?: unknown }).message : undefined;
  if (typeof message === 'string' && message.trim()) return message;
  if (Array.isArray(message) && message.every((part) => typeof part === 'string') && message.length > 0) return message.join('. ');
  return fallback;
}

/**
 * Calls the collaboration server's API at `serverUrl + path`. Always with the session cookie
 * (`credentials: 'include'`): the server is another origin (another port in development) of the
 * same site, so its SameSite=Lax cookie is sent and the server answers by CORS. Resolves the JSON
 * body, or undefined for 204.
 */
export async function apiRequest<T>(serverUrl: string, path: string, options: RequestOptions = {}): Promise<T> {
  const url = `${serverUrl}${path}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      credentials: 'include',
      cache: 'no-store',
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ServerRequestError(`No answer from ${serverUrl}`, 'unreachable');
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 401) for (const listener of unauthorizedListeners) listener();
    throw new ServerRequestError(errorMessage(body, response.statusText || `Request failed (${response.status})`), 'http', response.status);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
