import type { ServerAccount } from './server-kinds';

const SETUP_CODE_TIMEOUT_MS = 15_000;

/** The administrator every fresh Quire server gets. */
const ADMIN = { email: 'bench@example.com', name: 'Bench Admin', password: 'benchmark password, not a secret' };

/**
 * Sets up a fresh Quire server as its operator would: the setup code from its log, the
 * administrator created with it (`POST /api/setup`), and a personal API token (`POST /api/tokens`)
 * for the load generator's sockets and API calls (docs/api.md).
 */
export async function setUpQuireAccount(httpUrl: string, output: () => string): Promise<ServerAccount> {
  const code = await readSetupCode(output);
  const setup = await fetch(`${httpUrl}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, ...ADMIN }),
  });
  if (setup.status !== 201) throw new Error(`POST /api/setup answered ${setup.status}: ${await setup.text()}`);
  const { user } = (await setup.json()) as { user: { id: string; name: string } };
  const session = setup.headers.getSetCookie().map((cookie) => /^quire_session=([^;]*)/.exec(cookie)?.[1]).find(Boolean);
  if (!session) throw new Error('POST /api/setup set no quire_session cookie');
  const created = await fetch(`${httpUrl}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `quire_session=${session}` },
    body: JSON.stringify({ name: 'bench-peers' }),
  });
  if (created.status !== 201) throw new Error(`POST /api/tokens answered ${created.status}: ${await created.text()}`);
  const { token } = (await created.json()) as { token: string };
  return { token, user: { id: user.id, name: user.name }, httpUrl };
}

/** The setup code from the server's JSON log line `{ …, "setupCode": "…" }`. */
async function readSetupCode(output: () => string): Promise<string> {
  const deadline = Date.now() + SETUP_CODE_TIMEOUT_MS;
  for (;;) {
    for (const line of output().split('\n')) {
      if (!line.startsWith('{') || !line.includes('setupCode')) continue;
      try {
        const code = (JSON.parse(line) as { setupCode?: unknown }).setupCode;
        if (typeof code === 'string' && code !== '') return code;
      } catch {
        // A line cut mid-write: read again on the next pass.
      }
    }
    if (Date.now() > deadline) throw new Error(`No "Setup code: …" in Quire's log within ${SETUP_CODE_TIMEOUT_MS / 1000} s:\n${output().slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Creates documents the account owns (Quire refuses sockets to documents that do not exist, with
 * 4404), a few requests at a time; before any measurement starts.
 */
export async function createQuireDocuments(account: ServerAccount, ids: readonly string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      const answer = await fetch(`${account.httpUrl}/api/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${account.token}` },
        body: JSON.stringify({ id }),
      });
      if (answer.status !== 201 && answer.status !== 409) throw new Error(`creating document ${id}: ${answer.status} ${await answer.text()}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, ids.length) }, worker));
}
