import { Version, VersionComparison } from '@quire/api-contract';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addParagraphs, backends, paragraphs, typeInto, VERSION_IDLE_MS, VersionsFixture } from './versions-fixture';

// The version routes of docs/api.md, "Versions", on a real server with stock clients: automatic
// versions and their authors, naming, content as JSON and text, comparing, who may do what, and
// what bad input gets. Restores and copies: versions-restore.spec.ts.

for (const backend of await backends('versions API')) {
  describe.skipIf(backend.skip)(`versions on ${backend.name}`, () => {
    const fx = new VersionsFixture(backend);
    beforeAll(() => fx.start());
    afterEach(() => fx.closeClients());
    afterAll(() => fx.stop());

    it('records one automatic version after a quiet burst, listing both editors by name, holding what they typed', async () => {
      const id = await fx.sharedDocument();
      const [ada, bob] = [await fx.connect(fx.admin, id), await fx.connect(fx.bob, id)];
      addParagraphs(ada, 'Hello from Ada');
      await fx.converged(ada, bob);
      addParagraphs(bob, 'and from Bob');
      await fx.converged(ada, bob);

      const [version] = await fx.versionsOnceThere(fx.admin, id, 1);
      expect(version).toMatchObject({ kind: 'auto', name: null });
      expect(version.authors.map((author) => author.name).sort()).toEqual(['Ada Admin', 'Bob']);
      const text = await fx.admin.request('GET', `/api/documents/${id}/versions/${version.id}?format=text`);
      expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(text.text).toBe('Hello from Ada\nand from Bob\n');
      // Quiet since: never an empty version.
      await new Promise((resolve) => setTimeout(resolve, VERSION_IDLE_MS * 3));
      expect(await fx.versions(fx.admin, id)).toHaveLength(1);
    });

    it('names the document as it is now, by session or token, renames a version, and lists newest first', async () => {
      const id = await fx.sharedDocument();
      const ada = await fx.connect(fx.admin, id);
      addParagraphs(ada, 'Draft');
      // Relayed means stored: the named version must hold it.
      await fx.converged(ada, await fx.connect(fx.bob, id));
      const byToken = await fx.name(fx.bob, id, '  First draft  ');
      const bySession = await fx.bob.request('POST', `/api/documents/${id}/versions`, { name: 'Same again' }, 'session');
      expect(bySession.status, bySession.text).toBe(201);

      expect(byToken).toMatchObject({ kind: 'named', name: 'First draft' });
      const listed = await fx.versions(fx.bob, id);
      expect(listed.slice(0, 2).map((version) => version.name)).toEqual(['Same again', 'First draft']);
      const renamed = await fx.bob.request('PATCH', `/api/documents/${id}/versions/${byToken.id}`, { name: 'Sent to the printer' });
      expect(renamed.status, renamed.text).toBe(200);
      expect(Version.parse(renamed.body)).toMatchObject({ id: byToken.id, name: 'Sent to the printer', kind: 'named' });
      const json = await fx.bob.request<{ type: string; content: unknown[] }>('GET', `/api/documents/${id}/versions/${byToken.id}`);
      expect(json.body).toEqual({ type: 'doc', content: [{ type: 'paragraph', attrs: { align: null }, content: [{ type: 'text', text: 'Draft' }] }] });
    });

    it('compares a version with the previous one and with the current document, on the structure, with authors', async () => {
      const id = await fx.sharedDocument();
      const [ada, bob] = [await fx.connect(fx.admin, id), await fx.connect(fx.bob, id)];
      addParagraphs(ada, 'Hello world', 'Second');
      await fx.converged(ada, bob);
      const first = await fx.name(fx.admin, id, 'Before Bob');
      typeInto(bob, 0, '!');
      addParagraphs(bob, 'Third');
      await fx.converged(ada, bob);
      const second = await fx.name(fx.admin, id, 'After Bob');

      const answer = await fx.admin.request('GET', `/api/documents/${id}/versions/${second.id}?compare=${first.id}`);
      expect(answer.status, answer.text).toBe(200);
      const comparison = VersionComparison.parse(answer.body);
      expect(comparison).toMatchObject({ from: first.id, to: second.id, authors: [{ id: fx.bob.user.id, name: 'Bob' }] });
      expect(comparison.changes).toEqual([
        { type: 'insert', kind: 'text', from: 12, to: 13, authorIds: [fx.bob.user.id] },
        { type: 'insert', kind: 'node', from: 22, to: 29, authorIds: [fx.bob.user.id] },
      ]);
      // Asked the other way round, the same: the older side first.
      const reversed = await fx.admin.request('GET', `/api/documents/${id}/versions/${first.id}?compare=${second.id}`);
      expect(VersionComparison.parse(reversed.body).changes).toEqual(comparison.changes);

      addParagraphs(ada, 'Fourth');
      await fx.converged(ada, bob);
      const current = VersionComparison.parse((await fx.admin.request('GET', `/api/documents/${id}/versions/${second.id}?compare=current`)).body);
      expect(current).toMatchObject({ from: second.id, to: 'current', changes: [{ type: 'insert', kind: 'node', authorIds: [fx.admin.user.id] }] });
      expect(paragraphs(ada.doc)).toEqual(['Hello world!', 'Second', 'Third', 'Fourth']);
    });

    it('lets owners and editors in; a viewer gets 403, someone who is not a member 404', async () => {
      const id = await fx.sharedDocument();
      const version = await fx.name(fx.admin, id, 'Kept');
      const paths = [
        ['GET', `/api/documents/${id}/versions`],
        ['POST', `/api/documents/${id}/versions`, { name: 'Mine' }],
        ['PATCH', `/api/documents/${id}/versions/${version.id}`, { name: 'Mine' }],
        ['GET', `/api/documents/${id}/versions/${version.id}`],
        ['POST', `/api/documents/${id}/versions/${version.id}/restore`],
        ['POST', `/api/documents/${id}/versions/${version.id}/copy`, {}],
      ] as const;
      for (const [method, path, body] of paths) {
        expect((await fx.carol.request(method, path, body)).status, `viewer: ${method} ${path}`).toBe(403);
        expect((await fx.dave.request(method, path, body)).status, `not a member: ${method} ${path}`).toBe(404);
      }
      expect((await fx.versions(fx.admin, id)).map((listed) => listed.name)).toEqual(['Kept']);
    });

    it('refuses bad input: unknown ids 404, another document’s version 404, names empty or too long 400 with a message, a bad format 400', async () => {
      const id = await fx.sharedDocument();
      const other = await fx.sharedDocument('Other');
      const version = await fx.name(fx.admin, id, 'Real');
      const elsewhere = await fx.name(fx.admin, other, 'Elsewhere');
      const base = `/api/documents/${id}/versions`;

      for (const [method, path] of [
        ['GET', `${base}/no-such-version`],
        ['PATCH', `${base}/no-such-version`],
        ['POST', `${base}/no-such-version/restore`],
        ['POST', `${base}/${elsewhere.id}/restore`],
        ['GET', `${base}/${elsewhere.id}`],
        ['GET', `${base}/${version.id}?compare=${elsewhere.id}`],
        ['GET', `/api/documents/no-such-document/versions`],
      ] as const) {
        const answer = await fx.admin.request(method, path, method === 'PATCH' ? { name: 'x' } : undefined);
        expect(answer.status, `${method} ${path}`).toBe(404);
      }
      const refusals = [
        [await fx.admin.request('POST', base, { name: '  ' }), 'name: enter a name for the version'],
        [await fx.admin.request('POST', base, { name: 'x'.repeat(201) }), 'name: at most 200 characters'],
        [await fx.admin.request('PATCH', `${base}/${version.id}`, { name: '' }), 'name: enter a name for the version'],
        [await fx.admin.request('POST', base, {}), 'Required'],
        [await fx.admin.request('GET', `${base}/${version.id}?format=html`), 'format: json or text'],
        [await fx.admin.request('GET', `${base}/${version.id}?format=text&compare=current`), 'compare answers JSON: leave out format=text'],
      ] as const;
      for (const [answer, message] of refusals) expect(answer.body, answer.text).toEqual({ statusCode: 400, message });
      expect((await fx.versions(fx.admin, id)).map((listed) => listed.name)).toEqual(['Real']);
    });

    it('deleting a document deletes its history: hidden while in the trash, back with a restore, gone when deleted for good', async () => {
      const id = await fx.sharedDocument();
      const version = await fx.name(fx.admin, id, 'Gone soon');
      expect((await fx.admin.request('DELETE', `/api/documents/${id}`)).status).toBe(204);
      expect((await fx.admin.request('GET', `/api/documents/${id}/versions/${version.id}`)).status).toBe(404);
      expect((await fx.admin.request('POST', `/api/trash/${id}/restore`)).status).toBe(200);
      expect((await fx.admin.request('GET', `/api/documents/${id}/versions/${version.id}`)).status).toBe(200);
      expect((await fx.admin.request('DELETE', `/api/documents/${id}`)).status).toBe(204);
      expect((await fx.admin.request('DELETE', `/api/trash/${id}`)).status).toBe(204);
      expect((await fx.admin.request('POST', `/api/trash/${id}/restore`)).status).toBe(404);
    });
  });
}
