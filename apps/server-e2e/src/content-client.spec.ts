import { createQuireClient, QuireApiError, type DocumentView } from '@quire/api-contract';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpAdmin, signUp, type Account } from './access';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { PASSWORD } from './versions-fixture';

const run = promisify(execFile);
const EXAMPLE = resolve(__dirname, '../../../docs/examples/content-script.mjs');

/**
 * The typed client for scripts (README, "Scripts"; createQuireClient in @quire/api-contract)
 * against a real server: the README's runnable example as it is documented, and each method,
 * refusals included.
 */
describe('the typed client for scripts', () => {
  const data = temporaryDataDir();
  let server: ServerProcess;
  let admin: Account;
  let carol: Account;

  beforeAll(async () => {
    server = await startServer({ dataDir: data.dir });
    admin = await setUpAdmin(server);
    carol = await signUp(server, { email: 'carol@example.com', name: 'Carol', password: PASSWORD });
  });

  afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  it('runs the README example: imports a Markdown file, appends to it and prints it as Markdown', async () => {
    const { stdout, stderr } = await run(process.execPath, [EXAMPLE], { env: { ...process.env, QUIRE_URL: server.httpUrl, QUIRE_TOKEN: admin.bearer } });
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Imported "Stand-up notes" as [A-Za-z0-9_-]+\n# Stand-up notes\n\n- \[x\] Ship the import\n- \[ \] Write the docs\n\nAdded by a script at \*\*\d{4}-/);
  });

  it('lists, makes and reads documents, writes and reads content in every format, and throws the server’s refusals', async () => {
    const quire = createQuireClient(`${server.httpUrl}/`, admin.bearer);
    const made = await quire.createDocument({ title: 'From the client' });
    expect((await quire.listDocuments()).owned.map((doc) => doc.id)).toContain(made.id);
    expect((await quire.getDocument(made.id)).title).toBe('From the client');
    await quire.putContent(made.id, { markdown: '## Hello\n\n**bold** text' });
    await quire.addContent(made.id, { html: '<p>first <script>x()</script></p>' }, 'start');
    await quire.addContent(made.id, { json: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'last' }] }] } });
    expect(await quire.getContent(made.id, 'markdown')).toBe('first\n\n## Hello\n\n**bold** text\n\nlast\n');
    expect(await quire.getContent(made.id, 'html')).toMatch(/<h2 style="[^"]+">Hello<\/h2>/);
    expect((await quire.getContent(made.id)).type).toBe('doc');
    const imported = await quire.importFile({ name: 'page.html', data: '<h1>Page</h1><p onclick="x()">text</p>' });
    expect(imported).toMatchObject({ title: 'Page', role: 'owner' });
    expect(imported.changes.join()).toMatch(/event-handler/);

    const stranger = createQuireClient(server.httpUrl, carol.bearer);
    const refused = await stranger.getContent(made.id, 'text').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(QuireApiError);
    expect(refused).toMatchObject({ status: 404, message: 'No such document, or you do not have access to it' });
    await expect(createQuireClient(server.httpUrl, 'qt_not-a-token').listDocuments()).rejects.toMatchObject({ status: 401 });
  });

  it('reads the paged lists a page at a time, following nextCursor, each for the caller only', async () => {
    const quire = createQuireClient(server.httpUrl, admin.bearer);
    const made: DocumentView[] = [];
    for (const title of ['Paged A', 'Paged B', 'Paged C']) made.push(await quire.createDocument({ title }));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await quire.listOwnedDocuments({ limit: 2, cursor });
      expect(page.documents.length).toBeLessThanOrEqual(2);
      seen.push(...page.documents.map((doc) => doc.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && seen.length < 100);
    expect(seen).toEqual(expect.arrayContaining(made.map((doc) => doc.id)));
    expect(new Set(seen).size).toBe(seen.length);

    const response = await fetch(`${server.httpUrl}/api/documents/${made[0].id}/star`, { method: 'PUT', headers: { authorization: `Bearer ${admin.bearer}` } });
    expect(response.status).toBe(204);
    expect((await quire.listStarredDocuments()).documents.map((doc) => [doc.id, doc.starred])).toEqual([[made[0].id, true]]);
    expect((await quire.getDocument(made[0].id)).starred).toBe(true);
    expect((await quire.listOwnedDocuments({ limit: 100 })).documents.find((doc) => doc.id === made[1].id)?.starred).toBe(false);
    // A script reading content is not opening it: only a socket ticket is (docs/api.md).
    await quire.getContent(made[1].id, 'text');
    expect((await quire.listRecentDocuments()).documents).toEqual([]);
    await fetch(`${server.httpUrl}/api/documents/${made[2].id}`, { method: 'DELETE', headers: { authorization: `Bearer ${admin.bearer}` } });
    expect((await quire.listTrash({ limit: 1 })).documents.map((doc) => doc.id)).toEqual([made[2].id]);

    const stranger = createQuireClient(server.httpUrl, carol.bearer);
    expect((await stranger.listSharedDocuments()).documents).toEqual([]);
    expect((await stranger.listStarredDocuments()).documents).toEqual([]);
    expect((await stranger.listTrash()).documents).toEqual([]);
    await expect(quire.listOwnedDocuments({ limit: 0 })).rejects.toMatchObject({ status: 400 });
    await expect(createQuireClient(server.httpUrl, 'qt_not-a-token').listRecentDocuments()).rejects.toMatchObject({ status: 401 });
  });
});
