/**
 * Credentials for a real server, obtained the way an operator and a script would: the setup code
 * from the server's log, the administrator created with it (`POST /api/setup`), a personal API
 * token (`POST /api/tokens`), and documents created before anyone connects (`POST /api/documents`).
 */

import { TicketAnswer } from '@quire/api-contract';

/** The session cookie's name (docs/api.md). */
export const SESSION_COOKIE = 'quire_session';

/** The administrator every suite creates on its fresh server. */
export const ADMIN = { email: 'admin@example.com', name: 'Ada Admin', password: 'correct horse battery staple' } as const;

/** A server as the harness reaches it. */
export interface Reachable {
  readonly httpUrl: string;
  readonly wsUrl: string;
}

export interface UserInfo {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/** An HTTP answer with its JSON body (or undefined when there is none). */
export interface ApiAnswer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: T;
}

/** Who an {@link api} call is made as: a session cookie, a bearer token, or nobody. */
export interface Caller {
  readonly session?: string;
  readonly bearer?: string;
}

/** One request to the server's API: a JSON body, or a multipart form (an upload) when `body` is a FormData. */
export async function api<T = unknown>(
  server: { readonly httpUrl: string },
  method: string,
  path: string,
  options: { as?: Caller; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const form = options.body instanceof FormData ? options.body : undefined;
  // A form's Content-Type (with its boundary) is fetch's to write.
  if (options.body !== undefined && !form) headers['content-type'] = 'application/json';
  if (options.as?.session) headers.cookie = `${SESSION_COOKIE}=${options.as.session}`;
  if (options.as?.bearer) headers.authorization = `Bearer ${options.as.bearer}`;
  const response = await fetch(`${server.httpUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : (form ?? JSON.stringify(options.body)),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: body as T };
}

/** The session secret a response set in its `quire_session` cookie. */
export function sessionFrom(headers: Headers): string | undefined {
  for (const cookie of headers.getSetCookie()) {
    const match = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(cookie);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/** Reads `Setup code: …` from a server's JSON log (the warn line with a `setupCode` field). */
export async function readSetupCode(server: { output(): string }, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const line of server.output().split('\n')) {
      if (!line.startsWith('{') || !line.includes('setupCode')) continue;
      try {
        const code = (JSON.parse(line) as { setupCode?: unknown }).setupCode;
        if (typeof code === 'string' && code) return code;
      } catch {
        // A line cut in the middle of a write: read again on the next pass.
      }
    }
    if (Date.now() > deadline) throw new Error(`no "Setup code: …" in the server's log within ${timeoutMs} ms:\n${server.output().slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function expectStatus(answer: ApiAnswer, expected: number, what: string): void {
  if (answer.status !== expected) throw new Error(`${what}: expected ${expected}, got ${answer.status} ${answer.text}`);
}

/**
 * A signed-in user with a personal API token, bound to one server (or, with {@link Account.at},
 * to another instance over the same database).
 */
export class Account implements Caller {
  constructor(
    private readonly server: Reachable,
    readonly user: UserInfo,
    /** The API token (`qt_…`): the stock client's `token` parameter and the bearer on the API. */
    readonly bearer: string,
    /** The session cookie's value, when this account signed in here. */
    readonly session?: string,
  ) {}

  get httpUrl(): string {
    return this.server.httpUrl;
  }

  get wsUrl(): string {
    return this.server.wsUrl;
  }

  /** The same credentials on another instance (or a restarted server). */
  at(server: Reachable): Account {
    return new Account(server, this.user, this.bearer, this.session);
  }

  /** The stock client's parameters: `new WebsocketProvider(url, id, doc, { params })`. */
  get params(): { token: string } {
    return { token: this.bearer };
  }

  /** `ws://…/collab/<id>?token=<token>`, with the API token unless another token is given. */
  socketUrl(documentId: string, token: string = this.bearer): string {
    return `${this.wsUrl}/${documentId}?token=${encodeURIComponent(token)}`;
  }

  /** The path and query of {@link socketUrl}, for raw upgrades. */
  socketPath(documentId: string, token: string = this.bearer): string {
    return `${new URL(this.wsUrl).pathname}/${documentId}?token=${encodeURIComponent(token)}`;
  }

  /** An API call as this account: with the API token, or with its session cookie when `session` is asked for. */
  request<T = unknown>(method: string, path: string, body?: unknown, as: 'token' | 'session' = 'token'): Promise<ApiAnswer<T>> {
    if (as === 'session' && !this.session) throw new Error('this account has no session here');
    return api<T>(this.server, method, path, { as: as === 'session' ? { session: this.session } : { bearer: this.bearer }, body });
  }

  /** Creates a document this account owns (with `id`, or one the server picks) and resolves with its id. */
  async createDocument(id?: string, title?: string): Promise<string> {
    const answer = await this.request<{ id: string }>('POST', '/api/documents', { ...(id ? { id } : {}), ...(title ? { title } : {}) });
    expectStatus(answer, 201, `creating document ${id ?? '(new)'}`);
    return answer.body.id;
  }

  /** Creates the document unless it exists already (409), for runs that may repeat against one server. */
  async ensureDocument(id: string): Promise<void> {
    const answer = await this.request('POST', '/api/documents', { id });
    if (answer.status !== 201 && answer.status !== 409) expectStatus(answer, 201, `creating document ${id}`);
  }

  /**
   * A single-use socket ticket for one document. Asked for with the API token (the default), the
   * socket acts under the token (a role change applies in place); with the session, as a browser
   * asks, under the membership (a role change closes it with 4403 so the page reconnects).
   */
  async ticket(documentId: string, as: 'token' | 'session' = 'token'): Promise<TicketAnswer> {
    const answer = await this.request('POST', `/api/documents/${documentId}/tickets`, undefined, as);
    expectStatus(answer, 201, `a ticket for ${documentId}`);
    // Parsed with the contract the web app parses it with: an answer that strays from it fails here.
    return TicketAnswer.parse(answer.body);
  }

  /** An awareness state the server relays for this account: its own user id and name. */
  awareness(color = '#3366aa'): { user: { id: string; name: string; color: string }; cursor: null } {
    return { user: { id: this.user.id, name: this.user.name, color }, cursor: null };
  }
}

async function withToken(server: Reachable, user: UserInfo, session: string): Promise<Account> {
  const created = await api<{ token: string }>(server, 'POST', '/api/tokens', { as: { session }, body: { name: 'server-e2e' } });
  expectStatus(created, 201, 'creating an API token');
  return new Account(server, user, created.body.token, session);
}

/**
 * On a fresh server: reads the setup code from its log, creates the administrator with it, and
 * makes an API token. Servers sharing a database share the administrator: set up one of them.
 */
export async function setUpAdmin(server: Reachable & { output(): string }, admin: { email: string; name: string; password: string } = ADMIN): Promise<Account> {
  const code = await readSetupCode(server);
  const answer = await api<{ user: UserInfo }>(server, 'POST', '/api/setup', { body: { code, ...admin } });
  expectStatus(answer, 201, 'POST /api/setup');
  const session = sessionFrom(answer.headers);
  if (!session) throw new Error(`POST /api/setup set no ${SESSION_COOKIE} cookie`);
  return withToken(server, answer.body.user, session);
}

/** Signs up another user (ALLOW_SIGNUP is on by default) with an API token of their own. */
export async function signUp(server: Reachable, person: { email: string; name: string; password: string }): Promise<Account> {
  const answer = await api<{ user: UserInfo }>(server, 'POST', '/api/auth/signup', { body: person });
  expectStatus(answer, 201, `signing up ${person.email}`);
  const session = sessionFrom(answer.headers);
  if (!session) throw new Error(`sign-up set no ${SESSION_COOKIE} cookie`);
  return withToken(server, answer.body.user, session);
}

/** The account an existing API token belongs to (for a server someone else set up). */
export async function accountFromToken(server: Reachable, token: string): Promise<Account> {
  const answer = await api<{ user: UserInfo | null }>(server, 'GET', '/api/session', { as: { bearer: token } });
  expectStatus(answer, 200, 'GET /api/session');
  if (!answer.body.user) throw new Error('the server does not know this API token');
  return new Account(server, answer.body.user, token);
}
