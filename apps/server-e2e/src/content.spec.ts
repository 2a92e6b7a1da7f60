import { ContentWritten, DocumentLists, ImportedDocument, ProseMirrorNode, VersionList } from '@quire/api-contract';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api } from './access';
import { fileForm, paragraphJson, rawRequest, requestOnOwnConnection, wordDocument } from './content-fixture';
import { eventually } from './stock-client';
import { addParagraphs, backends, paragraphs, VersionsFixture } from './versions-fixture';

// docs/api.md, "Content": a document's content read and written by programs, and imports, on a
// real server with stock clients; who may do what; hostile files. Across instances:
// content-multi-instance.spec.ts; the typed client: content-client.spec.ts.

const MAX_DOCUMENT_BYTES = 1024 * 1024;
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

for (const backend of await backends('content API')) {
  describe.skipIf(backend.skip)(`document content on ${backend.name}`, () => {
    const fx = new VersionsFixture(backend, { MAX_DOCUMENT_BYTES: String(MAX_DOCUMENT_BYTES), MAX_IMPORT_BYTES: String(MAX_IMPORT_BYTES) });
    beforeAll(() => fx.start());
    afterEach(() => fx.closeClients());
    afterAll(() => fx.stop());

    const content = (id: string) => `/api/documents/${id}/content`;

    it('reads the stored content as JSON, Markdown, HTML and text, by format or Accept, by token and session, viewers too', async () => {
      const id = await fx.sharedDocument();
      const ada = await fx.connect(fx.admin, id);
      addParagraphs(ada, 'Hello *world*', 'Second line');
      await fx.converged(ada, await fx.connect(fx.carol, id));

      const json = await fx.carol.request('GET', content(id));
      expect(json.status, json.text).toBe(200);
      expect(ProseMirrorNode.parse(json.body)).toEqual({ type: 'doc', content: [{ type: 'paragraph', attrs: { align: null }, content: [{ type: 'text', text: 'Hello *world*' }] }, { type: 'paragraph', attrs: { align: null }, content: [{ type: 'text', text: 'Second line' }] }] });
      const markdown = await rawRequest(fx.server, 'GET', `${content(id)}?format=markdown`, { as: fx.carol, via: 'session' });
      expect(markdown.headers.get('content-type')).toMatch(/^text\/markdown/);
      expect(markdown.text).toBe('Hello \\*world\\*\n\nSecond line\n');
      const html = await rawRequest(fx.server, 'GET', content(id), { as: fx.bob, headers: { accept: 'text/html' } });
      expect(html.headers.get('content-type')).toMatch(/^text\/html/);
      expect(html.headers.get('content-security-policy')).toMatch(/sandbox/);
      expect(html.text).toMatch(/^<!doctype html>[\s\S]*<title>Plans<\/title>[\s\S]*<p style="[^"]+">Hello \*world\*<\/p>/);
      const text = await rawRequest(fx.server, 'GET', content(id), { as: fx.admin, headers: { accept: 'text/plain, */*' } });
      expect(text.text).toBe('Hello *world*\nSecond line\n');
      expect((await fx.admin.request('GET', `${content(id)}?format=pdf`)).status).toBe(400);
    });

    it('replaces the content with Markdown as one change: answered once stored, seen at once by an open client, in history with the caller as author', async () => {
      const id = await fx.sharedDocument();
      const watcher = await fx.connect(fx.admin, id);
      addParagraphs(watcher, 'Old text');
      await fx.converged(watcher, await fx.connect(fx.bob, id));
      await fx.name(fx.admin, id, 'Before the script');

      const before = Date.now();
      const put = await rawRequest<ContentWritten>(fx.server, 'PUT', content(id), { as: fx.bob, type: 'text/markdown', body: '# Plan\n\n- [x] import\n- [ ] export\n' });
      expect(put.status, put.text).toBe(200);
      expect(Date.parse(ContentWritten.parse(put.body).updatedAt)).toBeGreaterThanOrEqual(before - 1000);
      // Relayed before the answer left this instance: the open client has it within a moment.
      await eventually(() => watcher.fragment.toArray().map((node) => (node as { nodeName?: string }).nodeName).join() === 'heading,task_list', 'the open client sees the new content', 2_000);
      const stored = await rawRequest(fx.server, 'GET', `${content(id)}?format=markdown`, { as: fx.admin });
      expect(stored.text).toBe('# Plan\n\n- [x] import\n- [ ] export\n');

      const named = await fx.name(fx.admin, id, 'After the script');
      expect(named.authors.map((author) => author.name)).toEqual(['Bob']);
    });

    it('takes HTML and ProseMirror JSON, sanitised; adds at the start and the end; refuses what cannot be converted', async () => {
      const id = await fx.sharedDocument();
      const html = await rawRequest(fx.server, 'PUT', content(id), {
        as: fx.admin,
        type: 'text/html; charset=utf-8',
        body: '<h2 onmouseover="steal()">Title</h2><p>Click <a href="javascript:alert(1)">here</a><script>alert(2)</script><img src=x onerror=alert(3)></p>',
      });
      expect(html.status, html.text).toBe(200);
      const afterHtml = JSON.stringify((await fx.admin.request('GET', content(id))).body);
      expect(afterHtml).toContain('Title');
      expect(afterHtml).not.toMatch(/steal|javascript|alert|onerror|script/);

      expect((await fx.bob.request('POST', `${content(id)}?position=end`, { type: 'doc', content: [paragraphJson('Last')] })).status).toBe(200);
      expect((await rawRequest(fx.server, 'POST', `${content(id)}?position=start`, { as: fx.bob, type: 'text/plain', body: 'First' })).status).toBe(200);
      expect((await rawRequest(fx.server, 'GET', `${content(id)}?format=text`, { as: fx.bob })).text).toBe('First\nTitle\nClick here\nLast\n');

      const bad = await fx.bob.request<{ message: string }>('PUT', content(id), { type: 'doc', content: [{ type: 'script', text: 'x' }] });
      expect(bad.status).toBe(422);
      expect(bad.body.message).toMatch(/not a Quire document/);
      expect((await rawRequest(fx.server, 'PUT', content(id), { as: fx.bob, type: 'image/png', body: 'x' })).status).toBe(415);
      expect((await rawRequest(fx.server, 'POST', `${content(id)}?position=middle`, { as: fx.bob, type: 'text/plain', body: 'x' })).status).toBe(400);
      const tooLarge = await requestOnOwnConnection(`${fx.server.httpUrl}${content(id)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${fx.bob.bearer}`, 'content-type': 'text/plain' },
        body: 'x'.repeat(MAX_DOCUMENT_BYTES + 1),
      });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.text).toMatch(/MAX_DOCUMENT_BYTES/);
      expect((await rawRequest(fx.server, 'GET', `${content(id)}?format=text`, { as: fx.bob })).text).toBe('First\nTitle\nClick here\nLast\n');
    });

    it('refuses writes by a viewer (403, nothing changes), anyone else (404), a guest, a revoked token and a removed or demoted member', async () => {
      const id = await fx.sharedDocument();
      await rawRequest(fx.server, 'PUT', content(id), { as: fx.admin, type: 'text/markdown', body: 'Kept' });
      for (const [method, path] of [['PUT', content(id)], ['POST', `${content(id)}?position=end`]] as const) {
        const viewer = await rawRequest<{ message: string }>(fx.server, method, path, { as: fx.carol, type: 'text/markdown', body: 'Overwritten' });
        expect(viewer.status, `${method} by a viewer`).toBe(403);
        expect((await rawRequest(fx.server, method, path, { as: fx.carol, via: 'session', type: 'text/markdown', body: 'Overwritten' })).status).toBe(403);
        expect((await rawRequest(fx.server, method, path, { as: fx.dave, type: 'text/markdown', body: 'Overwritten' })).status, `${method} by a stranger`).toBe(404);
        expect((await rawRequest(fx.server, method, path, { as: 'nobody', type: 'text/markdown', body: 'Overwritten' })).status, `${method} by nobody`).toBe(401);
      }
      expect((await rawRequest(fx.server, 'GET', content(id), { as: fx.dave })).status).toBe(404);
      expect((await rawRequest(fx.server, 'GET', content(id), { as: 'nobody' })).status).toBe(401);
      // A guest's ticket opens a socket, nothing of the API.
      const link = await fx.admin.request<{ token: string }>('POST', `/api/documents/${id}/links`, { role: 'viewer' });
      const guest = await api<{ ticket: string }>(fx.server, 'POST', `/api/links/${link.body.token}/tickets`, { body: { name: 'Guest' } });
      expect((await rawRequest(fx.server, 'GET', content(id), { headers: { authorization: `Bearer ${guest.body.ticket}` } })).status).toBe(401);
      // A revoked API token: refused at once, reads and writes alike.
      const made = await rawRequest<{ id: string; token: string }>(fx.server, 'POST', '/api/tokens', { as: fx.bob, via: 'session', type: 'application/json', body: JSON.stringify({ name: 'soon revoked' }) });
      expect(made.status, made.text).toBe(201);
      expect((await rawRequest(fx.server, 'GET', content(id), { headers: { authorization: `Bearer ${made.body.token}` } })).status).toBe(200);
      expect((await rawRequest(fx.server, 'DELETE', `/api/tokens/${made.body.id}`, { as: fx.bob, via: 'session' })).status).toBe(204);
      expect((await rawRequest(fx.server, 'GET', content(id), { headers: { authorization: `Bearer ${made.body.token}` } })).status).toBe(401);
      expect((await rawRequest(fx.server, 'PUT', content(id), { headers: { authorization: `Bearer ${made.body.token}` }, type: 'text/plain', body: 'Overwritten' })).status).toBe(401);
      // Removed: no longer visible.
      expect((await fx.admin.request('DELETE', `/api/documents/${id}/members/${fx.carol.user.id}`)).status).toBe(204);
      expect((await rawRequest(fx.server, 'GET', content(id), { as: fx.carol })).status).toBe(404);
      // Demoted from editor to viewer: writes refused at once.
      expect((await fx.admin.request('PATCH', `/api/documents/${id}/members/${fx.bob.user.id}`, { role: 'viewer' })).status).toBe(200);
      expect((await rawRequest(fx.server, 'PUT', content(id), { as: fx.bob, type: 'text/plain', body: 'Overwritten' })).status).toBe(403);
      expect((await rawRequest(fx.server, 'GET', `${content(id)}?format=text`, { as: fx.admin })).text).toBe('Kept\n');
    });

    it('imports Markdown, HTML, text, Word and JSON as new documents the importer owns, titled from the first heading else the file name, saying what changed', async () => {
      const markdown = await api<ImportedDocument>(fx.server, 'POST', '/api/documents/import', { as: { bearer: fx.bob.bearer }, body: fileForm('notes.md', 'Intro\n\n## Meeting notes\n\n###### Deep\n') });
      expect(markdown.status, markdown.text).toBe(201);
      const imported = ImportedDocument.parse(markdown.body);
      expect(imported).toMatchObject({ title: 'Meeting notes', role: 'owner', owner: { id: fx.bob.user.id } });
      expect(imported.changes.join('\n')).toMatch(/level 4/);
      expect((await rawRequest(fx.server, 'GET', `${content(imported.id)}?format=markdown`, { as: fx.bob })).text).toBe('Intro\n\n## Meeting notes\n\n#### Deep\n');
      const lists = DocumentLists.parse((await fx.bob.request('GET', '/api/documents')).body);
      expect(lists.owned.map((doc) => doc.id)).toContain(imported.id);

      const html = await rawRequest<ImportedDocument>(fx.server, 'POST', '/api/documents/import', {
        as: fx.bob,
        via: 'session',
        type: 'text/html',
        headers: { 'content-disposition': 'attachment; filename="page.html"' },
        body: '<p onclick="x()">No heading <a href="javascript:evil()">link</a></p><script>evil()</script><dl><dt>Term</dt></dl>',
      });
      expect(html.status, html.text).toBe(201);
      expect(html.body.title).toBe('page');
      expect(html.body.changes.join('\n')).toMatch(/script[\s\S]*event-handler[\s\S]*javascript:[\s\S]*<dl>/);
      expect(JSON.stringify((await fx.bob.request('GET', content(html.body.id))).body)).not.toMatch(/evil|onclick|javascript/);

      const word = await api<ImportedDocument>(fx.server, 'POST', '/api/documents/import', {
        as: { bearer: fx.bob.bearer },
        body: fileForm('report.docx', wordDocument('<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Quarterly report</w:t></w:r></w:p><w:p><w:r><w:t>Numbers went up.</w:t></w:r></w:p>')),
      });
      expect(word.status, word.text).toBe(201);
      expect(word.body.title).toBe('Quarterly report');
      expect((await rawRequest(fx.server, 'GET', `${content(word.body.id)}?format=markdown`, { as: fx.bob })).text).toBe('# Quarterly report\n\nNumbers went up.\n');

      const text = await api<ImportedDocument>(fx.server, 'POST', '/api/documents/import', { as: { bearer: fx.bob.bearer }, body: fileForm('todo list.txt', 'milk\r\neggs\r\n') });
      expect(text.body.title).toBe('todo list');
      const json = await rawRequest<ImportedDocument>(fx.server, 'POST', '/api/documents/import', { as: fx.bob, type: 'application/json', body: JSON.stringify({ type: 'doc', content: [paragraphJson('From JSON')] }) });
      expect(json.status, json.text).toBe(201);
    });

    it('answers hostile and oversized files with 413, 415 or 422 in bounded time, the server still answering meanwhile', async () => {
      const started = Date.now();
      const nested = '<div>'.repeat(100_000) + 'x' + '</div>'.repeat(100_000);
      const [deep, live] = await Promise.all([
        rawRequest<{ message: string }>(fx.server, 'POST', '/api/documents/import', { as: fx.bob, type: 'text/html', body: nested }),
        (async () => {
          const asked = Date.now();
          await fetch(`${fx.server.httpUrl}/health/live`);
          return Date.now() - asked;
        })(),
      ]);
      expect(deep.status).toBe(422);
      expect(deep.body.message).toMatch(/nests elements more than 512 deep/);
      expect(live).toBeLessThan(1_000);

      const notZip = await api<{ message: string }>(fx.server, 'POST', '/api/documents/import', { as: { bearer: fx.bob.bearer }, body: fileForm('fake.docx', 'I am not a zip at all') });
      expect(notZip.status).toBe(422);
      expect(notZip.body.message).toMatch(/not a zip/);
      const notWord = await api(fx.server, 'POST', '/api/documents/import', { as: { bearer: fx.bob.bearer }, body: fileForm('zip.docx', wordDocument('').slice(0, 100)) });
      expect(notWord.status).toBe(422);
      const binary = await api<{ message: string }>(fx.server, 'POST', '/api/documents/import', { as: { bearer: fx.bob.bearer }, body: fileForm('binary.md', new Uint8Array([0xff, 0xfe, 0xfd, 0x00])) });
      expect(binary.status).toBe(422);
      expect(binary.body.message).toMatch(/UTF-8/);

      // 1 MB on one line, built to be costly (150,000 formatting runs): a bounded answer, a document
      // or 422 past the conversion's time limit, and meanwhile the server answers at once.
      const lineStarted = Date.now();
      const [longLine, liveMeanwhile] = await Promise.all([
        rawRequest<ImportedDocument>(fx.server, 'POST', '/api/documents/import', { as: fx.bob, type: 'text/markdown', body: 'word *em* [x] '.repeat(75_000) }),
        (async () => {
          await new Promise((resolve) => setTimeout(resolve, 500));
          const asked = Date.now();
          await fetch(`${fx.server.httpUrl}/health/live`);
          return Date.now() - asked;
        })(),
      ]);
      expect([201, 422], longLine.text.slice(0, 200)).toContain(longLine.status);
      expect(Date.now() - lineStarted).toBeLessThan(25_000);
      expect(liveMeanwhile).toBeLessThan(1_000);
      console.log(`a costly 1 MB Markdown line: ${longLine.status} in ${Date.now() - lineStarted} ms; /health/live meanwhile in ${liveMeanwhile} ms`);
      const tooLarge = await api(fx.server, 'POST', '/api/documents/import', { as: { bearer: fx.bob.bearer }, body: fileForm('big.md', 'x'.repeat(MAX_IMPORT_BYTES + 1)) });
      expect(tooLarge.status).toBe(413);
      expect((await api(fx.server, 'POST', '/api/documents/import', { as: { bearer: fx.bob.bearer }, body: fileForm('photo.png', 'x', 'image/png') })).status).toBe(415);
      expect((await api(fx.server, 'POST', '/api/documents/import', { as: { bearer: fx.bob.bearer }, body: fileForm('empty.md', '') })).status).toBe(400);
      expect((await rawRequest(fx.server, 'POST', '/api/documents/import', { as: 'nobody', type: 'text/markdown', body: '# x' })).status).toBe(401);
      expect(Date.now() - started).toBeLessThan(60_000);
      // Last: the server cuts this connection a moment after refusing a body it did not read.
      const announced = await requestOnOwnConnection(`${fx.server.httpUrl}/api/documents/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${fx.bob.bearer}`, 'content-type': 'text/markdown' },
        body: 'x'.repeat(MAX_IMPORT_BYTES + 1),
      });
      expect(announced.status).toBe(413);
      expect(announced.text).toMatch(/MAX_IMPORT_BYTES/);
      // None of the refused files left a document behind.
      const owned = DocumentLists.parse((await fx.bob.request('GET', '/api/documents')).body).owned.map((doc) => doc.title);
      expect(owned.filter((title) => /fake|zip|binary|big|photo|empty/.test(title))).toEqual([]);
    });

    it('embeds the document’s own images in its HTML export, and keeps them as references in Markdown', async () => {
      const id = await fx.sharedDocument();
      const form = new FormData();
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
      form.append('file', new Blob([png], { type: 'image/png' }), 'pixel.png');
      const uploaded = await api<{ url: string }>(fx.server, 'POST', `/api/documents/${id}/files`, { as: { bearer: fx.bob.bearer }, body: form });
      expect(uploaded.status, uploaded.text).toBe(201);
      const markdown = `# Picture\n\n![a pixel](${uploaded.body.url} "One pixel")\n`;
      expect((await rawRequest(fx.server, 'PUT', content(id), { as: fx.bob, type: 'text/markdown', body: markdown })).status).toBe(200);
      const html = await rawRequest(fx.server, 'GET', `${content(id)}?format=html`, { as: fx.carol });
      expect(html.text).toContain(`<img src="data:image/png;base64,${png.toString('base64')}" alt="a pixel"`);
      expect(html.text).toContain('<figcaption');
      expect((await rawRequest(fx.server, 'GET', `${content(id)}?format=markdown`, { as: fx.carol })).text).toBe(markdown);
    });

    it('records a PUT in the version list as a change of the caller', async () => {
      const id = await fx.sharedDocument();
      await rawRequest(fx.server, 'PUT', content(id), { as: fx.bob, type: 'text/markdown', body: 'By Bob' });
      await fx.name(fx.admin, id, 'Named');
      const versions = VersionList.parse((await fx.admin.request('GET', `/api/documents/${id}/versions`)).body).versions;
      expect(versions[0].authors.map((author) => author.id)).toEqual([fx.bob.user.id]);
      const client = await fx.connect(fx.admin, id);
      expect(paragraphs(client.doc)).toEqual(['By Bob']);
    });
  });
}
