import { resolveServerUrl } from '@quire/editor/server-url';
import type { ZodType, ZodTypeDef } from 'zod';

/** Why a request to the collaboration server failed, worded for the person using the page. */
export class ServerRequestError extends Error {
  constructor(
    message: string,
    /**
     * `unreachable`: no answer at all (server down, wrong address, CORS); `http`: an error status;
     * `invalid`: an answer that is not what `@quire/api-contract` says the route answers.
     */
    readonly kind: 'unreachable' | 'http' | 'invalid',
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

/** The `message` of an error body: a string, or Nest's list of validation messages. */
export function errorMessage(body: unknown, fallback: string): string {
  const message = body && typeof body === 'object' ? (body as { message?: unknown }).message : undefined;
  if (typeof message === 'string' && message.trim()) return message;
  if (Array.isArray(message) && message.every((part) => typeof part === 'string') && message.length > 0) return message.join('. ');
  return fallback;
}

/** A schema of `@quire/api-contract`, which parses an answer into `T`. */
export type Answer<T> = ZodType<T, ZodTypeDef, unknown>;

export interface Call {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * The collaboration server's API (docs/api.md), as the browser calls it. Every page reaches the one
 * client through React context (`useApi`). Answers are parsed with `@quire/api-contract`'s
 * schemas, so what a page reads is what the contract says, or an error.
 */
export class ApiClient {
  constructor(
    /** QUIRE_SERVER_URL as the page was rendered with it, or null: this host on port 4000. */
    private readonly configuredServerUrl: string | null,
    /**
     * Told of every 401, whichever call it was: the session may have ended (expired, or the
     * password changed on another device).
     */
    private readonly onUnauthorized: () => void = () => undefined,
  ) {}

  /** The server's URL as this browser reaches it: the configured one, else this page's host on port 4000. */
  get serverUrl(): string {
    // The page's location is read only when it is needed: there is none outside a browser.
    return resolveServerUrl(this.configuredServerUrl, {
      get protocol() {
        return window.location.protocol;
      },
      get hostname() {
        return window.location.hostname;
      },
    });
  }

  /**
   * Calls `path` with the session cookie (`credentials: 'include'`): the server is another origin
   * (another port in development) of the same site, so its SameSite=Lax cookie is sent and the
   * server answers by CORS. Resolves the answer parsed with `answer`; without one, the route
   * answers 204 and this resolves nothing.
   */
  call<T>(path: string, answer: Answer<T>, call?: Call): Promise<T>;
  call(path: string, answer: null, call: Call): Promise<void>;
  async call<T>(path: string, answer: Answer<T> | null, { method = 'GET', body, signal }: Call = {}): Promise<T | void> {
    const serverUrl = this.serverUrl;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${serverUrl}${path}`, {
        method,
        credentials: 'include',
        cache: 'no-store',
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ServerRequestError(`No answer from ${serverUrl}`, 'unreachable');
    }
    if (!response.ok) {
      const refusal: unknown = await response.json().catch(() => null);
      if (response.status === 401) this.onUnauthorized();
      throw new ServerRequestError(errorMessage(refusal, response.statusText || `Request failed (${response.status})`), 'http', response.status);
    }
    if (!answer) return;
    const parsed = answer.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const detail = issue ? `${issue.path.join('.') || 'answer'}: ${issue.message}` : 'unreadable';
      throw new ServerRequestError(`The server's answer to ${method} ${path} is not what this page expects (${detail})`, 'invalid', response.status);
    }
    return parsed.data;
  }
}
