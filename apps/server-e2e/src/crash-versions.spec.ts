import { VersionList } from '@quire/api-contract';
import { afterAll, describe, expect, it } from 'vitest';
import { setUpAdmin, type Account } from './access';
import { randomEdit, seededRandom } from './random-edits';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { connectStockClient, eventually, synced, type StockClient } from './stock-client';
import { backends } from './versions-fixture';

const KILL_POINTS = 6;
/** Versions every few hundred milliseconds while the writers type, and named ones besides. */
const ENV = { VERSION_IDLE_MS: '60', VERSION_INTERVAL_MS: '250', COMPACT_AFTER_UPDATES: '40' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dataDirs: Array<{ remove: () => void }> = [];
const drops: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const drop of drops) await drop();
  for (const dir of dataDirs) dir.remove();
});

/** Every listed version's content, as JSON text; fails unless every one opens. */
async function contents(account: Account, documentId: string): Promise<Map<string, string>> {
  const listed = VersionList.parse((await account.request('GET', `/api/documents/${documentId}/versions`)).body).versions;
  const found = new Map<string, string>();
  for (const version of listed) {
    const answer = await account.request('GET', `/api/documents/${documentId}/versions/${version.id}`);
    expect(answer.status, `version ${version.id} (${version.kind}) opens: ${answer.text}`).toBe(200);
    found.set(version.id, answer.text);
  }
  return found;
}

for (const backend of await backends('crash with versions')) {
  describe.skipIf(backend.skip)(`${backend.name}: kill -9 while versions are being made`, () => {
    it(`leaves every version whole or absent, across ${KILL_POINTS} kill points`, { timeout: 300_000 }, async () => {
      const seed = Number(process.env.QUIRE_TEST_SEED ?? Date.now() % 100_000);
      const random = seededRandom(seed);
      const data = temporaryDataDir();
      dataDirs.push(data);
      const { env, drop } = await backend.prepare();
      drops.push(drop);
      let admin: Account | undefined;
      // What each version held when it was read before a kill: it must read the same after every restart.
      const seen = new Map<string, string>();
      let madeDuringKills = 0;

      for (let point = 0; point < KILL_POINTS; point++) {
        const server: ServerProcess = await startServer({ dataDir: data.dir, env: { ...env, ...ENV } });
        if (!admin) {
          admin = await setUpAdmin(server);
          await admin.createDocument('versions-crash');
        }
        const account = admin.at(server);
        for (const [id, content] of await contents(account, 'versions-crash')) {
          if (seen.has(id)) expect(content, `kill point ${point}, seed ${seed}: version ${id} changed`).toBe(seen.get(id));
          seen.set(id, content);
        }
        const before = seen.size;

        const writers: StockClient[] = [0, 1].map(() => connectStockClient(server.wsUrl, 'versions-crash', { params: account.params }));
        await Promise.all(writers.map((client) => synced(client)));
        let running = true;
        const typing = (async () => {
          for (let i = 0; running; i++) {
            randomEdit(writers[i % 2].fragment, random, `k${point}w${i % 2}`);
            await sleep(i % 3 === 0 ? 40 : 3);
          }
        })();
        // Named versions all along; each one answered is read back at once: after the kill it must read the same.
        const answered = new Map<string, string>();
        const naming = (async () => {
          for (let i = 0; running; i++) {
            try {
              const made = await account.request<{ id: string }>('POST', '/api/documents/versions-crash/versions', { name: `named ${point}.${i}` });
              if (made.status !== 201) continue;
              const content = await account.request('GET', `/api/documents/versions-crash/versions/${made.body.id}`);
              if (content.status === 200) answered.set(made.body.id, content.text);
            } catch {
              // The server was killed mid-request.
            }
            await sleep(30);
          }
        })();
        // Killed at a random moment once versions are being made.
        await eventually(() => answered.size > 0, 'named versions are being made', 20_000);
        await sleep(Math.floor(random() * 800));
        await server.kill();
        running = false;
        await Promise.all([typing, naming]);
        for (const client of writers) client.destroy();

        const restarted = await startServer({ dataDir: data.dir, env: { ...env, ...ENV } });
        const after = await contents(account.at(restarted), 'versions-crash');
        for (const [id, content] of [...seen, ...answered]) {
          expect(after.get(id), `kill point ${point}, seed ${seed}: version ${id} is gone or changed`).toBe(content);
        }
        madeDuringKills += after.size - before;
        for (const [id, content] of after) seen.set(id, content);
        await restarted.stop();
      }
      // The test means something only if versions were being made when the kills came.
      expect(madeDuringKills, `seed ${seed}`).toBeGreaterThan(KILL_POINTS * 3);
    });
  });
}
