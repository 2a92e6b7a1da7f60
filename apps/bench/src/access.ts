/**
 * Credentials for a server the benchmark started, obtained as a script would (docs/api.md): the
 * setup code from the server's log, the administrator created with it, a personal API token, and
 * documents created before anyone connects. A small copy of apps/server-e2e/src/access.ts (an app
 * cannot import another app).
 */

/** An administrator's API token on one server (and every instance over the same database). */
export interface BenchAccess {
  /** The API token (`qt_…`): the socket's `token` parameter and the API's bearer. */
  readonly token: string;
  /** Creates a document the administrator owns, with this id. */
  createDocument(id: string): Promise<void>;
  /** `ws://…/collab/<id>?token=…` on the instance whose collaboration endpoint is `wsUrl`. */
  socketUrl(wsUrl: string, documentId: string): string;
}

const ADMIN = { email: 'bench@example.com', name: 'Bench', password: 'benchmark administrator' };

async function post<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: T; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T, text };
}

/** Reads `Setup code: …` (the warn line with a `setupCode` field) from a server's JSON log. */
async function readSetupCode(output: () => string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const line of output().split('\n')) {
      if (!line.includes('"setupCode"')) continue;
      try {
        const code = (JSON.parse(line) as { setupCode?: unknown }).setupCode;
        if (typeof code === 'string' && code) return code;
      } catch {
        // A line still being written.
      }
    }
    if (Date.now() > deadline) throw new Error('the server printed no setup code (is its LOG_LEVEL warn or lower?)');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * On a fresh server (`httpUrl`, whose log `output` returns): the administrator and an API token.
 * Instances sharing a database and AUTH_SECRET share them: set up one.
 */
export async function setUpAccess(httpUrl: string, output: () => string): Promise<BenchAccess> {
  const code = await readSetupCode(output);
  const setup = await post(`${httpUrl}/api/setup`, { code, ...ADMIN });
  if (setup.status !== 201) throw new Error(`POST /api/setup answered ${setup.status}: ${setup.text}`);
  const cookie = setup.headers.getSetCookie().find((line) => line.startsWith('quire_session='))?.split(';')[0];
  if (!cookie) throw new Error('POST /api/setup set no session cookie');
  const created = await post<{ token: string }>(`${httpUrl}/api/tokens`, { name: 'bench' }, { cookie });
  if (created.status !== 201) throw new Error(`POST /api/tokens answered ${created.status}: ${created.text}`);
  const token = created.body.token;
  return {
    token,
    createDocument: async (id) => {
      const answer = await post(`${httpUrl}/api/documents`, { id }, { authorization: `Bearer ${token}` });
      if (answer.status !== 201) throw new Error(`creating document ${id} answered ${answer.status}: ${answer.text}`);
    },
    socketUrl: (wsUrl, documentId) => `${wsUrl}/${documentId}?token=${encodeURIComponent(token)}`,
  };
}
