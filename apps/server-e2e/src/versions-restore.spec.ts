import { DocumentView, RestoreAnswer } from '@quire/api-contract';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectStockClient, eventually, synced } from './stock-client';
import { addParagraphs, backends, paragraphs, typeInto, VersionsFixture } from './versions-fixture';

// Restoring a version and copying one to a new document (docs/api.md, "Versions" and "Restoring"),
// with stock clients on the document while it happens.

for (const backend of await backends('versions restore')) {
  describe.skipIf(backend.skip)(`restoring and copying versions on ${backend.name}`, () => {
    const fx = new VersionsFixture(backend);
    beforeAll(() => fx.start());
    afterEach(() => fx.closeClients());
    afterAll(() => fx.stop());

    it('makes the content equal to the version for everyone with it open, and keeps the state before as a version', async () => {
      const id = await fx.sharedDocument();
      const [ada, bob] = [await fx.connect(fx.admin, id), await fx.connect(fx.bob, id)];
      addParagraphs(ada, 'alpha', 'beta');
      await fx.converged(ada, bob);
      const old = await fx.name(fx.admin, id, 'Old');
      typeInto(bob, 1, ' gamma');
      addParagraphs(bob, 'delta');
      const before = await fx.converged(ada, bob);

      const answer = await fx.bob.request('POST', `/api/documents/${id}/versions/${old.id}/restore`);

      expect(answer.status, answer.text).toBe(200);
      const { version } = RestoreAnswer.parse(answer.body);
      expect(version).toMatchObject({ kind: 'restore', restoredFrom: old.id, authors: [{ id: fx.bob.user.id, name: 'Bob' }] });
      await eventually(() => paragraphs(ada.doc).join('|') === 'alpha|beta' && paragraphs(bob.doc).join('|') === 'alpha|beta', 'both editors show the restored content', 2_000);
      // Automatic versions may come between, on a slow machine: the others are in this order.
      const listed = (await fx.versions(fx.admin, id)).filter((listedVersion) => listedVersion.kind !== 'auto');
      expect(listed.map((listedVersion) => listedVersion.kind)).toEqual(['restore', 'before-restore', 'named']);
      // The list says which version a restore restored; no other version names one.
      expect(listed.map((listedVersion) => listedVersion.restoredFrom)).toEqual([old.id, null, null]);
      const kept = await fx.admin.request('GET', `/api/documents/${id}/versions/${listed[1].id}?format=text`);
      expect(kept.text).toBe(`${before.join('\n')}\n`);
      // A newcomer loads the restored content from the store.
      const fresh = await fx.connect(fx.admin, id);
      expect(paragraphs(fresh.doc)).toEqual(['alpha', 'beta']);

      // Restoring the state before the restore undoes it.
      const undo = await fx.admin.request('POST', `/api/documents/${id}/versions/${listed[1].id}/restore`);
      expect(undo.status, undo.text).toBe(200);
      await eventually(() => paragraphs(ada.doc).join('|') === before.join('|'), 'the restore is undone', 2_000);
    });

    it('keeps the keystrokes typed during and after a restore in a paragraph it keeps; it replaces only what it had received', async () => {
      const id = await fx.sharedDocument();
      const [ada, bob] = [await fx.connect(fx.admin, id), await fx.connect(fx.bob, id)];
      addParagraphs(ada, 'kept', 'old');
      await fx.converged(ada, bob);
      const version = await fx.name(fx.admin, id, 'Two paragraphs');
      addParagraphs(ada, 'removed by the restore');
      await fx.converged(ada, bob);

      // Bob types all along: before the request, while it runs, and after the answer.
      let typed = '';
      let stop = false;
      const keystrokes = (async () => {
        for (let i = 0; !stop; i++) {
          const key = String.fromCharCode(97 + (i % 26));
          typeInto(bob, 0, key);
          typed += key;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const answer = await fx.admin.request('POST', `/api/documents/${id}/versions/${version.id}/restore`);
      expect(answer.status, answer.text).toBe(200);
      const typedBeforeAnswer = typed.length;
      await new Promise((resolve) => setTimeout(resolve, 100));
      stop = true;
      await keystrokes;

      const [first, ...rest] = await fx.converged(ada, bob);
      expect(rest).toEqual(['old']);
      // What the server had when it restored is replaced; every keystroke after that stays, in order.
      expect(first.startsWith('kept')).toBe(true);
      const kept = first.slice('kept'.length);
      expect(typed.endsWith(kept), `"${kept}" is what Bob typed last`).toBe(true);
      expect(kept.length).toBeGreaterThanOrEqual(typed.length - typedBeforeAnswer);
      expect(typed.length - typedBeforeAnswer).toBeGreaterThan(3);
    });

    it('a viewer’s restore is refused (403) and changes nothing', async () => {
      const id = await fx.sharedDocument();
      const [ada, bob] = [await fx.connect(fx.admin, id), await fx.connect(fx.bob, id)];
      addParagraphs(ada, 'first');
      await fx.converged(ada, bob);
      const version = await fx.name(fx.admin, id, 'First');
      addParagraphs(ada, 'second');
      await fx.converged(ada, bob);
      const listed = await fx.versions(fx.admin, id);

      expect((await fx.carol.request('POST', `/api/documents/${id}/versions/${version.id}/restore`)).status).toBe(403);

      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(paragraphs(ada.doc)).toEqual(['first', 'second']);
      const reader = await fx.connect(fx.admin, id);
      expect(paragraphs(reader.doc)).toEqual(['first', 'second']);
      expect((await fx.versions(fx.admin, id)).slice(-listed.length)).toEqual(listed);
    });

    it('copies a version to a new document the caller owns, which opens with the version’s content', async () => {
      const id = await fx.sharedDocument('Report');
      const [ada, bob] = [await fx.connect(fx.admin, id), await fx.connect(fx.bob, id)];
      addParagraphs(ada, 'as it was');
      await fx.converged(ada, bob);
      const version = await fx.name(fx.admin, id, 'Then');
      addParagraphs(ada, 'later');

      const copied = await fx.bob.request('POST', `/api/documents/${id}/versions/${version.id}/copy`, {});
      const titled = await fx.bob.request('POST', `/api/documents/${id}/versions/${version.id}/copy`, { title: 'Report, as sent' });

      expect(copied.status, copied.text).toBe(201);
      const view = DocumentView.parse(copied.body);
      expect(view).toMatchObject({ title: 'Report (copy)', role: 'owner', owner: { id: fx.bob.user.id, name: 'Bob' } });
      expect(DocumentView.parse(titled.body).title).toBe('Report, as sent');
      const reader = connectStockClient(fx.server.wsUrl, view.id, { params: fx.bob.params });
      await synced(reader);
      expect(paragraphs(reader.doc)).toEqual(['as it was']);
      reader.destroy();
      // The original's members are not the copy's.
      expect((await fx.admin.request('GET', `/api/documents/${view.id}`)).status).toBe(404);
    });
  });
}
