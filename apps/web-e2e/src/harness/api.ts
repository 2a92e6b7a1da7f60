import { request as playwrightRequest, type APIRequestContext } from 'playwright-core';
import { fromAddress, newClientAddress } from './client-address';

/** Where the two halves of a running Quire answer. */
export interface QuireUrls {
  serverUrl: string;
  webUrl: string;
}

/** An account the tests created, with what it takes to sign in. */
export interface Account {
  id: string;
  email: string;
  name: string;
  password: string;
}

export type ShareRole = 'editor' | 'commenter' | 'viewer';

export interface CreatedDocument {
  id: string;
  title: string;
}

export interface CreatedLink {
  id: string;
  role: ShareRole;
  token: string;
}

/** `POST /api/documents/:id/files`: `url` is the path `/api/files/<id>`. */
export interface UploadedFile {
  id: string;
  url: string;
  contentType: string;
  bytes: number;
}

/** The API failed: its status and body, for the test's error message. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let counter = 0;

/** An email no other test uses, e.g. `ada-3-k2j9@example.com`. */
export function uniqueEmail(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'user';
  return `${slug.slice(0, 20)}-${++counter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/**
 * The HTTP API as one person (a cookie jar: a browser context's, or one of its own), the way the
 * web app calls it: JSON, from the web app's origin.
 */
export class QuireApi {
  constructor(
    readonly request: APIRequestContext,
    readonly urls: QuireUrls,
    /** The address the server sees these requests come from. */
    readonly address: string,
  ) {}

  /** A person with no browser: their own cookie jar, from an address of their own. */
  static async standalone(urls: QuireUrls): Promise<QuireApi> {
    const address = newClientAddress();
    return new QuireApi(await playwrightRequest.newContext({ extraHTTPHeaders: fromAddress(address) }), urls, address);
  }

  async call<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await this.request.fetch(`${this.urls.serverUrl}${path}`, {
      method,
      headers: { origin: this.urls.webUrl, accept: 'application/json' },
      ...(body === undefined ? {} : { data: body }),
    });
    if (!response.ok()) throw new ApiCallError(response.status(), `${method} ${path} answered ${response.status()}: ${await response.text()}`);
    return (response.status() === 204 ? undefined : await response.json()) as T;
  }

  /** Creates the administrator with the setup code, and signs in as them. */
  async setup(code: string, name: string, password = 'correct horse battery'): Promise<Account> {
    const email = uniqueEmail(name);
    const { user } = await this.call<{ user: { id: string } }>('POST', '/api/setup', { code, email, name, password });
    return { id: user.id, email, name, password };
  }

  /** Creates an account and signs in as it. */
  async signUp(name: string, password = 'correct horse battery'): Promise<Account> {
    const email = uniqueEmail(name);
    const { user } = await this.call<{ user: { id: string } }>('POST', '/api/auth/signup', { email, name, password });
    return { id: user.id, email, name, password };
  }

  async signIn(account: Pick<Account, 'email' | 'password'>): Promise<void> {
    await this.call('POST', '/api/auth/signin', { email: account.email, password: account.password });
  }

  createDocument(title?: string): Promise<CreatedDocument> {
    return this.call('POST', '/api/documents', title === undefined ? {} : { title });
  }

  addMember(documentId: string, email: string, role: ShareRole): Promise<unknown> {
    return this.call('POST', `/api/documents/${documentId}/members`, { email, role });
  }

  removeMember(documentId: string, userId: string): Promise<void> {
    return this.call('DELETE', `/api/documents/${documentId}/members/${userId}`);
  }

  /** Stars a document for this person (the toggle's PUT). */
  star(documentId: string): Promise<void> {
    return this.call('PUT', `/api/documents/${documentId}/star`);
  }

  createLink(documentId: string, role: ShareRole): Promise<CreatedLink> {
    return this.call('POST', `/api/documents/${documentId}/links`, { role });
  }

  /** Uploads a file to a document as the web app does (multipart, field `file`): its id and URL path. */
  async uploadFile(documentId: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<UploadedFile> {
    const path = `/api/documents/${documentId}/files`;
    const response = await this.request.fetch(`${this.urls.serverUrl}${path}`, {
      method: 'POST',
      headers: { origin: this.urls.webUrl, accept: 'application/json' },
      multipart: { file },
    });
    if (response.status() !== 201) throw new ApiCallError(response.status(), `POST ${path} answered ${response.status()}: ${await response.text()}`);
    return (await response.json()) as UploadedFile;
  }

  /** A socket ticket for one connection, as the web app gets it. */
  ticket(documentId: string): Promise<{ ticket: string; user: { id: string; name: string } }> {
    return this.call('POST', `/api/documents/${documentId}/tickets`);
  }

  dispose(): Promise<void> {
    return this.request.dispose();
  }
}
