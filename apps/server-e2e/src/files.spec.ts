import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TicketAnswer, type UploadedFile } from '@quire/api-contract';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, setUpAdmin, signUp, type Account, type Caller } from './access';
import { fetchFile, fileForm, HTML_WITH_SCRIPT, PNG_PIXEL, streamUpload, SVG_WITH_SCRIPT, upload } from './file-requests';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { createTestDatabase, postgresUnavailableReason } from './test-database';

// Under CI=true an unreachable PostgreSQL fails the suite (findTestDatabase); elsewhere it is skipped with the reason.
const skipReason = await postgresUnavailableReason('file routes on PostgreSQL');

const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'a long enough password';
/** MAX_UPLOAD_BYTES here: 1 MiB, so that the limit takes a moment to pass. */
const LIMIT = 1024 * 1024;
/** FILE_TOKEN_LIFETIME_MS here: long enough for the tests that use a token, short for the one that waits it out. */
const TOKEN_LIFETIME_MS = 4_000;

/** A database for one run of the suite, and a way to count the files' records in it. */
interface FilesDatabase {
  readonly env: Record<string, string>;
  fileRecords(): Promise<number>;
  drop(): Promise<void>;
}

/**
 * The file routes of issue 18 (docs/api.md, "Files") on a real server: who may upload and read (roles,
 * sessions and API tokens, guests with their file token, everyone else), access ending at once, the
 * upload limit, types from the bytes and the headers that keep an SVG or HTML file from running
 * script, and the removal of a deleted document's files. Run on SQLite and on PostgreSQL.
 */
function describeFileRoutes(openDatabase: (dataDir: string) => Promise<FilesDatabase>): void {
  const data = temporaryDataDir();
  let database: FilesDatabase;
  let server: ServerProcess;
  let admin: Account;
  let bob: Account;
  let carol: Account;
  let dave: Account;

  beforeAll(async () => {
    database = await openDatabase(data.dir);
    server = await startServer({
      dataDir: data.dir,
      env: { ...database.env, ALLOWED_ORIGINS: ORIGIN, MAX_UPLOAD_BYTES: String(LIMIT), FILE_TOKEN_LIFETIME_MS: String(TOKEN_LIFETIME_MS) },
    });
    admin = await setUpAdmin(server);
    [bob, carol, dave] = await Promise.all(
      ['Bob', 'Carol', 'Dave'].map((name) => signUp(server, { email: `${name.toLowerCase()}@example.com`, name, password: PASSWORD })),
    );
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    data.remove();
  });

  const session = (account: Account): Caller => ({ session: account.session });
  const token = (account: Account): Caller => ({ bearer: account.bearer });
  /** The files in DATA_DIR/files, and the spool files of uploads in progress. */
  const stored = (folder = 'files') => {
    try {
      return readdirSync(join(data.dir, folder)).sort();
    } catch {
      return [];
    }
  };

  /** A document the administrator owns, with Bob as editor and Carol as viewer; Dave is a member of nothing. */
  async function sharedDocument(): Promise<string> {
    const id = await admin.createDocument(undefined, 'With files');
    for (const [account, role] of [
      [bob, 'editor'],
      [carol, 'viewer'],
    ] as const) {
      const added = await admin.request('POST', `/api/documents/${id}/members`, { email: account.user.email, role });
      expect(added.status, added.text).toBe(201);
    }
    return id;
  }

  async function uploaded(documentId: string, content: string | Uint8Array = PNG_PIXEL, name = 'pixel.png', as: Caller = token(admin)): Promise<UploadedFile> {
    const answer = await upload(server, as, documentId, fileForm(content, name));
    expect(answer.status, answer.text).toBe(201);
    return answer.body;
  }

  async function viewerLink(documentId: string): Promise<{ id: string; token: string }> {
    const link = await admin.request<{ id: string; token: string }>('POST', `/api/documents/${documentId}/links`, { role: 'viewer' });
    expect(link.status, link.text).toBe(201);
    return link.body;
  }

  async function guestTicket(linkToken: string): Promise<TicketAnswer> {
    const answer = await api(server, 'POST', `/api/links/${linkToken}/tickets`, { body: { name: 'A guest' } });
    expect(answer.status, answer.text).toBe(201);
    return TicketAnswer.parse(answer.body);
  }

  const withAccess = (url: string, fileToken: string) => `${url}?access=${encodeURIComponent(fileToken)}`;

  it('the owner uploads with an API token and an editor with a session; the answer is the stored file, typed from its bytes', async () => {
    const id = await sharedDocument();
    const pixel = await upload(server, token(admin), id, fileForm(PNG_PIXEL, 'pixel.png', 'image/png'));
    expect(pixel.status, pixel.text).toBe(201);
    expect(pixel.body).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), url: `/api/files/${pixel.body.id}`, contentType: 'image/png', bytes: PNG_PIXEL.length });
    const notes = await upload(server, session(bob), id, fileForm('Plain words, café.', 'notes.txt', 'text/plain'));
    expect(notes.status, notes.text).toBe(201);
    expect(notes.body).toMatchObject({ contentType: 'text/plain; charset=utf-8', bytes: Buffer.byteLength('Plain words, café.') });

    const read = await fetchFile(server, pixel.body.url, { as: session(carol) });
    expect(read.status).toBe(200);
    expect(read.bytes.equals(PNG_PIXEL)).toBe(true);
    expect(stored()).toEqual(expect.arrayContaining([pixel.body.id, notes.body.id]));
    expect(statSync(join(data.dir, 'files', pixel.body.id)).mode & 0o777).toBe(0o600);
  });

  it('members read a file by session or API token, viewers included; a non-member and an unknown id alike get 404; nobody 401', async () => {
    const id = await sharedDocument();
    const { url } = await uploaded(id);
    for (const account of [admin, bob, carol]) {
      for (const as of [session(account), token(account)]) expect((await fetchFile(server, url, { as })).status, account.user.name).toBe(200);
    }
    const outsider = await fetchFile(server, url, { as: session(dave) });
    const unknown = await fetchFile(server, '/api/files/AAAAAAAAAAAAAAAAAAAAAA', { as: session(dave) });
    expect(outsider.status).toBe(404);
    expect((await fetchFile(server, url, { as: token(dave) })).status).toBe(404);
    // Whether the file exists is not revealed: the same answer as for no file at all.
    expect(outsider.bytes.toString()).toBe(unknown.bytes.toString());
    expect(JSON.parse(outsider.bytes.toString())).toEqual({ statusCode: 404, message: 'No such file, or you do not have access to it' });
    expect((await fetchFile(server, url)).status).toBe(401);
  });

  it('uploads: a viewer gets 403, a non-member and an unknown document 404, nobody 401, another site’s page 403; nothing is kept', async () => {
    const id = await sharedDocument();
    const before = stored();
    for (const as of [session(carol), token(carol)]) {
      const answer = await upload(server, as, id, fileForm(PNG_PIXEL, 'pixel.png'));
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ message: 'Only editors can do this' });
    }
    expect((await upload(server, session(dave), id, fileForm(PNG_PIXEL, 'pixel.png'))).status).toBe(404);
    expect((await upload(server, token(admin), 'no-such-document', fileForm(PNG_PIXEL, 'pixel.png'))).status).toBe(404);
    expect((await upload(server, {}, id, fileForm(PNG_PIXEL, 'pixel.png'))).status).toBe(401);
    expect((await upload(server, session(bob), id, fileForm(PNG_PIXEL, 'pixel.png'), { origin: 'https://evil.example' })).status).toBe(403);
    expect((await upload(server, session(bob), id, fileForm(PNG_PIXEL, 'pixel.png'), { origin: ORIGIN })).status).toBe(201);
    expect(stored().length).toBe(before.length + 1);
    expect(stored('files-incoming')).toEqual([]);
  });

  it('a guest reads with the file token of their ticket, that document’s files only; without it 401, altered 404, expired 401', async () => {
    const id = await sharedDocument();
    const other = await sharedDocument();
    const file = await uploaded(id);
    const elsewhere = await uploaded(other);
    const guest = await guestTicket((await viewerLink(id)).token);
    expect(guest.fileToken).toMatch(/^qf_[0-9a-f-]{36}\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(guest.fileTokenExpiresAt!)).toBeGreaterThan(Date.now());
    // Members need none: their browsers send the session cookie with the file's URL.
    expect((await admin.ticket(id, 'session')).fileToken).toBeUndefined();

    const read = await fetchFile(server, withAccess(file.url, guest.fileToken!));
    expect(read.status).toBe(200);
    expect(read.bytes.equals(PNG_PIXEL)).toBe(true);
    expect((await fetchFile(server, file.url)).status).toBe(401);
    expect((await fetchFile(server, withAccess(elsewhere.url, guest.fileToken!))).status).toBe(404);
    const [linkId, expires, mac] = guest.fileToken!.slice(3).split('.');
    expect((await fetchFile(server, withAccess(file.url, `qf_${linkId}.${Number(expires) + 3600}.${mac}`))).status).toBe(404);
    expect((await fetchFile(server, withAccess(file.url, `qf_${linkId}.${expires}.${mac.slice(0, -2)}AA`))).status).toBe(404);
    // A signed-in non-member's own credentials do not stand in for the token, nor get in its way.
    expect((await fetchFile(server, withAccess(file.url, guest.fileToken!), { as: session(dave) })).status).toBe(200);
    expect((await fetchFile(server, file.url, { as: session(dave) })).status).toBe(404);

    await new Promise((resolve) => setTimeout(resolve, Date.parse(guest.fileTokenExpiresAt!) - Date.now() + 250));
    const expired = await fetchFile(server, withAccess(file.url, guest.fileToken!));
    expect(expired.status).toBe(401);
    expect(JSON.parse(expired.bytes.toString()).message).toBe('This file link has expired: reload the page for a new one');
    expect((await fetchFile(server, withAccess(file.url, (await guestTicket((await viewerLink(id)).token)).fileToken!))).status).toBe(200);
    // A file token is a credential: like tickets and tokens, it never reaches the log.
    expect(server.output()).not.toContain(guest.fileToken!.slice(3));
  });

  it('access ends at once: a removed member, a revoked link and a deleted document get 404 on the next request', async () => {
    const id = await sharedDocument();
    const { url } = await uploaded(id);
    const link = await viewerLink(id);
    const guest = await guestTicket(link.token);
    const secondLink = await viewerLink(id);
    const secondGuest = await guestTicket(secondLink.token);
    expect((await fetchFile(server, url, { as: session(bob) })).status).toBe(200);
    expect((await fetchFile(server, withAccess(url, guest.fileToken!))).status).toBe(200);

    expect((await admin.request('DELETE', `/api/documents/${id}/members/${bob.user.id}`)).status).toBe(204);
    expect((await fetchFile(server, url, { as: session(bob) })).status).toBe(404);
    expect((await fetchFile(server, url, { as: token(bob) })).status).toBe(404);

    expect((await admin.request('DELETE', `/api/documents/${id}/links/${link.id}`)).status).toBe(204);
    expect((await fetchFile(server, withAccess(url, guest.fileToken!))).status).toBe(404);
    expect((await fetchFile(server, withAccess(url, secondGuest.fileToken!))).status).toBe(200);

    expect((await admin.request('DELETE', `/api/documents/${id}`)).status).toBe(204);
    for (const as of [session(admin), token(admin), session(carol)]) expect((await fetchFile(server, url, { as })).status).toBe(404);
    expect((await fetchFile(server, withAccess(url, secondGuest.fileToken!))).status).toBe(404);
  });

  it('a browser revalidating a file it holds gets 304 while it may read it, and 404 once it may not', async () => {
    const id = await sharedDocument();
    const { url, id: fileId } = await uploaded(id);
    const first = await fetchFile(server, url, { as: session(carol) });
    expect(first.headers.get('etag')).toBe(`"${fileId}"`);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await fetchFile(server, url, { as: session(carol), headers: { 'if-none-match': `"${fileId}"` } });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expect((await admin.request('DELETE', `/api/documents/${id}/members/${carol.user.id}`)).status).toBe(204);
    expect((await fetchFile(server, url, { as: session(carol), headers: { 'if-none-match': `"${fileId}"` } })).status).toBe(404);
  });

  it('takes a file of exactly MAX_UPLOAD_BYTES and refuses one byte more (413); a body past it is refused before it is all read', async () => {
    const id = await sharedDocument();
    const before = stored();
    // The page learns the limit from the session, to refuse a larger file before sending it.
    expect((await api(server, 'GET', '/api/session')).body).toMatchObject({ maxUploadBytes: LIMIT });
    const exact = await upload(server, token(bob), id, fileForm(Buffer.alloc(LIMIT, 0x41), 'exact.txt'));
    expect(exact.status, exact.text).toBe(201);
    expect(exact.body.bytes).toBe(LIMIT);
    const over = await upload(server, token(bob), id, fileForm(Buffer.alloc(LIMIT + 1, 0x41), 'over.txt'));
    expect(over.status).toBe(413);
    expect(over.body).toEqual({ statusCode: 413, message: 'The file is larger than this server takes (1,048,576 bytes, MAX_UPLOAD_BYTES)' });

    const url = `${server.httpUrl}/api/documents/${id}/files`;
    const authorization = `Bearer ${bob.bearer}`;
    // 64 MiB sent chunked, without a length: answered long before it is all sent, and the
    // connection cut soon after, however long the client goes on sending.
    const streamed = await streamUpload(url, { authorization }, 64 * LIMIT);
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ statusCode: 413 });
    expect(streamed.sentBeforeAnswer).toBeLessThan(16 * LIMIT);
    expect(streamed.cut).toBe(true);
    expect(streamed.sent).toBeLessThan(24 * LIMIT);
    // A length announced past the limit: refused before a byte of the body is read.
    const announced = await streamUpload(url, { authorization, 'content-length': String(64 * LIMIT) }, 64 * LIMIT);
    expect(announced.status).toBe(413);
    expect(announced.cut).toBe(true);
    expect(announced.sent).toBeLessThan(24 * LIMIT);
    // A viewer's upload is refused before its body is read too, whatever its size.
    const viewers = await streamUpload(url, { authorization: `Bearer ${carol.bearer}` }, 64 * LIMIT);
    expect(viewers.status).toBe(403);
    expect(viewers.cut).toBe(true);

    expect(stored()).toEqual([...before, exact.body.id].sort());
    expect(stored('files-incoming')).toEqual([]);
  });

  it('types a file from its bytes: HTML named .png and an SVG with script are downloaded, never shown; a raster image is shown; every file is sandboxed', async () => {
    const id = await sharedDocument();
    const cases = [
      { content: HTML_WITH_SCRIPT, name: 'cat.png', type: 'text/html', disposition: 'attachment; filename="cat.png"' },
      { content: SVG_WITH_SCRIPT, name: 'logo.svg', type: 'image/svg+xml', disposition: 'attachment; filename="logo.svg"' },
      { content: PNG_PIXEL, name: 'pixel.bin', type: 'image/png', disposition: 'inline; filename="pixel.bin"' },
      { content: '%PDF-1.4\n%\u00e2\u00e3\n', name: 'report.html', type: 'application/pdf', disposition: 'attachment; filename="report.html"' },
    ];
    for (const { content, name, type, disposition } of cases) {
      const file = await upload(server, session(bob), id, fileForm(content, name, 'image/png'));
      expect(file.status, file.text).toBe(201);
      expect(file.body.contentType, name).toBe(type);
      const served = await fetchFile(server, file.body.url, { as: session(carol) });
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type'), name).toMatch(new RegExp(`^${type.replace('+', '\\+')}(;|$)`));
      expect(served.headers.get('content-disposition'), name).toBe(disposition);
      expect(served.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(served.headers.get('content-security-policy'), name).toBe("sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'");
      expect(served.bytes.equals(Buffer.from(content)), name).toBe(true);
      const head = await fetchFile(server, file.body.url, { as: session(carol), method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(String(file.body.bytes));
      expect(head.headers.get('content-disposition')).toBe(disposition);
    }
  });

  it('deleting a document for good removes its files, bytes and records, before the DELETE answers; in the trash they stay; another document’s stay', async () => {
    const id = await sharedDocument();
    const kept = await sharedDocument();
    const gone = [await uploaded(id), await uploaded(id, 'second', 'second.txt', session(bob))];
    const stays = await uploaded(kept);
    const records = await database.fileRecords();
    expect(stored()).toEqual(expect.arrayContaining([...gone.map((file) => file.id), stays.id]));

    expect((await admin.request('DELETE', `/api/documents/${id}`)).status).toBe(204);
    // In the trash, the document keeps its files: a restore brings them back.
    expect(stored()).toEqual(expect.arrayContaining(gone.map((file) => file.id)));
    expect(await database.fileRecords()).toBe(records);
    expect((await admin.request('DELETE', `/api/trash/${id}`)).status).toBe(204);

    expect(stored()).toEqual(expect.arrayContaining([stays.id]));
    for (const file of gone) expect(stored()).not.toContain(file.id);
    expect(await database.fileRecords()).toBe(records - 2);
    expect((await fetchFile(server, stays.url, { as: session(carol) })).status).toBe(200);
  });

  it('once every document is deleted, the files folder and the files’ records are empty', async () => {
    const lists = await admin.request<{ owned: Array<{ id: string }> }>('GET', '/api/documents');
    expect(lists.body.owned.length).toBeGreaterThan(5);
    expect(stored().length).toBeGreaterThan(3);
    for (const { id } of lists.body.owned) expect((await admin.request('DELETE', `/api/documents/${id}`)).status).toBe(204);
    const trash = await admin.request<{ documents: Array<{ id: string }> }>('GET', '/api/trash');
    for (const { id } of trash.body.documents) expect((await admin.request('DELETE', `/api/trash/${id}`)).status).toBe(204);
    expect(stored()).toEqual([]);
    expect(stored('files-incoming')).toEqual([]);
    expect(await database.fileRecords()).toBe(0);
  });
}

describe('file routes on SQLite', () => {
  describeFileRoutes(async (dataDir) => ({
    env: {},
    fileRecords: async () => {
      // Read-only, beside the server's own connection (WAL lets both read).
      const db = new Database(join(dataDir, 'quire.db'), { readonly: true, fileMustExist: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM files').get() as { n: number }).n;
      } finally {
        db.close();
      }
    },
    drop: async () => undefined,
  }));
});

describe.skipIf(skipReason !== undefined)('file routes on PostgreSQL', () => {
  describeFileRoutes(async () => {
    const database = await createTestDatabase('files');
    return {
      env: { DATABASE_URL: database.url },
      fileRecords: async () => {
        const client = new Client({ connectionString: database.url });
        await client.connect();
        try {
          return (await client.query<{ n: number }>('SELECT count(*)::integer AS n FROM files')).rows[0].n;
        } finally {
          await client.end();
        }
      },
      drop: () => database.drop(),
    };
  });
});
