import { ThreadList } from '@quire/api-contract';
import { afterAll, describe, expect, it } from 'vitest';
import { setUpAdmin, type Account } from './access';
import { writeAndSee } from './comments-fixture';
import { seededRandom } from './random-edits';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { connectStockClient, eventually, synced, type StockClient } from './stock-client';
import { addParagraphs, backends, typeInto } from './versions-fixture';

const KILL_POINTS = 4;
/** Threads are anchored to these tokens of the first paragraph (`k1;` never occurs inside `k11;`). */
const TOKENS = 400;
const DOCUMENT = 'comments-crash';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dataDirs: Array<{ remove: () => void }> = [];
const drops: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const drop of drops) await drop();
  for (const dir of dataDirs) dir.remove();
});

/** Every thread as listed: id → its first comment's body and whether it is detached. */
async function listed(account: Account): Promise<Map<string, { body: string; detached: boolean }>> {
  const answer = await account.request('GET', `/api/documents/${DOCUMENT}/threads`);
  expect(answer.status, answer.text).toBe(200);
  return new Map(ThreadList.parse(answer.body).threads.map((thread) => [thread.id, { body: thread.comments[0].body, detached: thread.detached }]));
}

for (const backend of await backends('crash with comments')) {
  describe.skipIf(backend.skip)(`${backend.name}: kill -9 while threads are being made`, () => {
    it(`keeps every thread it answered, each with its anchor, across ${KILL_POINTS} kill points`, { timeout: 300_000 }, async () => {
      const seed = Number(process.env.QUIRE_TEST_SEED ?? Date.now() % 100_000);
      const random = seededRandom(seed);
      const data = temporaryDataDir();
      dataDirs.push(data);
      const { env, drop } = await backend.prepare();
      drops.push(drop);
      let admin: Account | undefined;
      const answered = new Map<string, string>();
      let next = 0;

      for (let point = 0; point < KILL_POINTS; point++) {
        const server: ServerProcess = await startServer({ dataDir: data.dir, env });
        if (!admin) {
          admin = await setUpAdmin(server);
          await admin.createDocument(DOCUMENT);
          await writeAndSee(server.wsUrl, DOCUMENT, admin.params, Array.from({ length: TOKENS }, (_, i) => `k${i};`).join(' '));
        }
        const account = admin.at(server);
        // Nothing deletes the anchored paragraph: a thread listed without its mark lost it.
        for (const [id, thread] of await listed(account)) expect(thread.detached, `kill point ${point}, seed ${seed}: thread ${id} lost its anchor`).toBe(false);

        // Two writers type into a paragraph of their own while threads are made on the first.
        const writers: StockClient[] = [0, 1].map(() => connectStockClient(server.wsUrl, DOCUMENT, { params: account.params }));
        await Promise.all(writers.map((client) => synced(client)));
        if (writers[0].fragment.length < 2) addParagraphs(writers[0], 'typing here: ');
        await eventually(() => writers.every((client) => client.fragment.length >= 2), 'the typing paragraph is there');
        let running = true;
        const typing = (async () => {
          for (let i = 0; running; i++) {
            typeInto(writers[i % 2], 1, String(i % 10));
            await sleep(i % 3 === 0 ? 30 : 3);
          }
        })();
        const answeredHere = new Map<string, string>();
        const commenting = (async () => {
          while (running && next < TOKENS) {
            const token = next++;
            const body = `thread on k${token}; at kill point ${point}`;
            try {
              const made = await account.request<{ id: string }>('POST', `/api/documents/${DOCUMENT}/threads`, { body, quote: `k${token};` });
              if (made.status === 201) answeredHere.set(made.body.id, body);
              else if (made.status === 429) await sleep(1_000);
            } catch {
              // The server was killed mid-request.
            }
          }
        })();
        await eventually(() => answeredHere.size > 2, 'threads are being made', 20_000);
        await sleep(Math.floor(random() * 600));
        await server.kill();
        running = false;
        await Promise.all([typing, commenting]);
        for (const client of writers) client.destroy();
        for (const [id, body] of answeredHere) answered.set(id, body);

        const restarted = await startServer({ dataDir: data.dir, env });
        const after = await listed(account.at(restarted));
        for (const [id, body] of answered) {
          expect(after.get(id), `kill point ${point}, seed ${seed}: thread ${id} is gone or changed`).toEqual({ body, detached: false });
        }
        for (const [id, thread] of after) expect(thread.detached, `kill point ${point}, seed ${seed}: thread ${id} has rows but no anchor`).toBe(false);
        await restarted.stop();
      }
      expect(answered.size, `seed ${seed}`).toBeGreaterThan(KILL_POINTS * 2);
    });
  });
}
