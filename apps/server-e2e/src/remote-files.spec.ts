import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UploadedFile } from '@quire/api-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, setUpAdmin, signUp, type Account, type Caller } from './access';
import { fetchFile, PNG_PIXEL } from './file-requests';
import { startLocalHttpHost, type LocalHttpHost } from './local-http-host';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { createTestDatabase, postgresUnavailableReason } from './test-database';

const skipReason = await postgresUnavailableReason('remote images on PostgreSQL');

const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'a long enough password';
/** MAX_UPLOAD_BYTES here: 64 KiB. */
const LIMIT = 64 * 1024;

const session = (account: Account): Caller => ({ session: account.session });
const token = (account: Account): Caller => ({ bearer: account.bearer });

function fetchRemote(server: ServerProcess, as: Caller, documentId: string, url: unknown, headers: Record<string, string> = {}) {
  return api<UploadedFile & { message?: string }>(server, 'POST', `/api/documents/${documentId}/files/remote`, { as, body: { url }, headers });
}

/**
 * `POST /api/documents/:id/files/remote` (docs/api.md, "Files"): an image pasted by address is
 * fetched through the outbound-request guard into the document's files, with an upload's roles,
 * limit and sniffing. The image host is a local server, which only REMOTE_FETCH_ALLOW_PRIVATE_NETWORKS
 * lets the server reach.
 */
function describeRemoteImages(env: () => Promise<{ env: Record<string, string>; drop(): Promise<void> }>): void {
  const data = temporaryDataDir();
  let database: { env: Record<string, string>; drop(): Promise<void> };
  let server: ServerProcess;
  let host: LocalHttpHost;
  let admin: Account;
  let bob: Account;
  let carol: Account;
  let dave: Account;

  beforeAll(async () => {
    database = await env();
    host = await startLocalHttpHost();
    host.route('/pixel.png', (_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end(PNG_PIXEL));
    host.route('/photo%20of%20caf%C3%A9.png', (_request, response) => response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(PNG_PIXEL));
    host.route('/page.png', (_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end('<!DOCTYPE html><html><body>not an image</body></html>'));
    host.route('/big.png', (_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.concat([PNG_PIXEL, Buffer.alloc(LIMIT)])));
    host.route('/endless.png', (_request, response) => {
      // No length: only the server's cap stops it.
      response.writeHead(200, { 'content-type': 'image/png' });
      response.on('error', () => undefined);
      const chunk = Buffer.alloc(16 * 1024, 1);
      let sent = 0;
      const more = () => {
        while (sent < 100 && !response.destroyed) {
          sent++;
          if (!response.write(chunk)) return void response.once('drain', more);
        }
        response.end();
      };
      response.write(PNG_PIXEL);
      more();
    });
    host.route('/moved.png', (_request, response) => response.writeHead(302, { location: '/pixel.png?after-redirect' }).end());
    server = await startServer({
      dataDir: data.dir,
      env: { ...database.env, ALLOWED_ORIGINS: ORIGIN, MAX_UPLOAD_BYTES: String(LIMIT), REMOTE_FETCH_ALLOW_PRIVATE_NETWORKS: 'true' },
    });
    admin = await setUpAdmin(server);
    [bob, carol, dave] = await Promise.all(['Bob', 'Carol', 'Dave'].map((name) => signUp(server, { email: `${name.toLowerCase()}@example.com`, name, password: PASSWORD })));
  });

  afterAll(async () => {
    await server?.stop();
    await host?.close();
    await database?.drop();
    data.remove();
  });

  const stored = () => {
    try {
      return readdirSync(join(data.dir, 'files')).sort();
    } catch {
      return [];
    }
  };

  async function sharedDocument(): Promise<string> {
    const id = await admin.createDocument(undefined, 'Pasted images');
    for (const [account, role] of [
      [bob, 'editor'],
      [carol, 'viewer'],
    ] as const) {
      expect((await admin.request('POST', `/api/documents/${id}/members`, { email: account.user.email, role })).status).toBe(201);
    }
    return id;
  }

  it('the owner (API token) and an editor (session) fetch an image into the document: the answer is an upload’s, the bytes are served', async () => {
    const id = await sharedDocument();
    const byToken = await fetchRemote(server, token(admin), id, `${host.origin}/pixel.png`);
    expect(byToken.status, byToken.text).toBe(201);
    expect(UploadedFile.parse(byToken.body)).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), url: `/api/files/${byToken.body.id}`, contentType: 'image/png', bytes: PNG_PIXEL.length });
    // The type is the bytes', not what the host said; the name is the path's last segment.
    const bySession = await fetchRemote(server, session(bob), id, `${host.origin}/photo%20of%20caf%C3%A9.png`, { origin: ORIGIN });
    expect(bySession.status, bySession.text).toBe(201);
    expect(bySession.body.contentType).toBe('image/png');
    const read = await fetchFile(server, bySession.body.url, { as: session(carol) });
    expect(read.status).toBe(200);
    expect(read.bytes.equals(PNG_PIXEL)).toBe(true);
    expect(read.headers.get('content-disposition')).toContain('caf');
    expect(stored()).toEqual(expect.arrayContaining([byToken.body.id, bySession.body.id]));
  });

  it('a viewer gets 403, a non-member and an unknown document 404, nobody 401, another site 403: and the address is never fetched', async () => {
    const id = await sharedDocument();
    const before = host.requests.length;
    for (const as of [session(carol), token(carol)]) {
      const answer = await fetchRemote(server, as, id, `${host.origin}/pixel.png`);
      expect(answer.status).toBe(403);
      expect(answer.body.message).toBe('Only editors can do this');
    }
    expect((await fetchRemote(server, session(dave), id, `${host.origin}/pixel.png`)).status).toBe(404);
    expect((await fetchRemote(server, token(dave), id, `${host.origin}/pixel.png`)).status).toBe(404);
    expect((await fetchRemote(server, token(admin), 'no-such-document', `${host.origin}/pixel.png`)).status).toBe(404);
    expect((await fetchRemote(server, {}, id, `${host.origin}/pixel.png`)).status).toBe(401);
    expect((await fetchRemote(server, session(bob), id, `${host.origin}/pixel.png`, { origin: 'https://evil.example' })).status).toBe(403);
    // Access removed: the editor's next request is 404, by session and by token.
    expect((await admin.request('DELETE', `/api/documents/${id}/members/${bob.user.id}`)).status).toBe(204);
    expect((await fetchRemote(server, session(bob), id, `${host.origin}/pixel.png`)).status).toBe(404);
    expect((await fetchRemote(server, token(bob), id, `${host.origin}/pixel.png`)).status).toBe(404);
    expect(host.requests.length).toBe(before);
  });

  it('bytes that are not an image are refused with 422 and not kept, whatever the host called them', async () => {
    const id = await sharedDocument();
    const before = stored();
    const answer = await fetchRemote(server, token(admin), id, `${host.origin}/page.png`);
    expect(answer.status).toBe(422);
    expect(answer.body.message).toBe('This address does not lead to an image (its content is text/html)');
    expect(stored()).toEqual(before);
  });

  it('an image larger than MAX_UPLOAD_BYTES is 413, with a declared length or without, and not kept', async () => {
    const id = await sharedDocument();
    const before = stored();
    for (const path of ['/big.png', '/endless.png']) {
      const answer = await fetchRemote(server, token(admin), id, `${host.origin}${path}`);
      expect(answer.status, path).toBe(413);
      expect(answer.body.message).toMatch(/larger than this server takes \(65,536 bytes, MAX_UPLOAD_BYTES\)/);
    }
    expect(stored()).toEqual(before);
    expect(readdirSync(join(data.dir, 'files-incoming'))).toEqual([]);
  });

  it('a redirect is not followed, and an answer other than 200 is 422 in plain words; a body without an http(s) url is 400', async () => {
    const id = await sharedDocument();
    const moved = await fetchRemote(server, token(admin), id, `${host.origin}/moved.png`);
    expect(moved.status).toBe(422);
    expect(moved.body.message).toBe('The image could not be fetched: its server answered 302 (redirects are not followed: paste the address it leads to)');
    expect(host.requests).not.toContain('GET /pixel.png?after-redirect');
    const missing = await fetchRemote(server, token(admin), id, `${host.origin}/missing.png`);
    expect(missing.status).toBe(422);
    expect(missing.body.message).toBe('The image could not be fetched: its server answered 404');
    for (const url of ['file:///etc/passwd', 'not an address', undefined]) {
      const answer = await fetchRemote(server, token(admin), id, url);
      expect(answer.status, String(url)).toBe(400);
    }
  });
}

describe('remote images on SQLite', () => {
  describeRemoteImages(async () => ({ env: {}, drop: async () => undefined }));
});

describe.skipIf(skipReason !== undefined)('remote images on PostgreSQL', () => {
  describeRemoteImages(async () => {
    const database = await createTestDatabase('remote_files');
    return { env: { DATABASE_URL: database.url }, drop: () => database.drop() };
  });
});

describe('remote images without REMOTE_FETCH_ALLOW_PRIVATE_NETWORKS', () => {
  const data = temporaryDataDir();
  let server: ServerProcess;
  let host: LocalHttpHost;
  let admin: Account;

  beforeAll(async () => {
    host = await startLocalHttpHost();
    host.route('/pixel.png', (_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end(PNG_PIXEL));
    server = await startServer({ dataDir: data.dir, env: { ALLOWED_ORIGINS: ORIGIN } });
    admin = await setUpAdmin(server);
  });

  afterAll(async () => {
    await server?.stop();
    await host?.close();
    data.remove();
  });

  it('refuses loopback by address, by name and IPv4-mapped, private networks and the metadata address, with 422 and the reason; nothing is requested', async () => {
    const id = await admin.createDocument(undefined, 'Refused');
    const cases: Array<[string, RegExp]> = [
      [`${host.origin}/pixel.png`, /127\.0\.0\.1 is a loopback address/],
      [`http://localhost:${host.port}/pixel.png`, /is a loopback address/],
      [`http://[::ffff:127.0.0.1]:${host.port}/pixel.png`, /127\.0\.0\.1 is a loopback address/],
      [`http://[::1]:${host.port}/pixel.png`, /::1 is a loopback address/],
      ['http://10.0.0.7/pixel.png', /10\.0\.0\.7 is a private-network address/],
      ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a cloud metadata address/],
    ];
    for (const [url, reason] of cases) {
      const answer = await fetchRemote(server, token(admin), id, url);
      expect(answer.status, url).toBe(422);
      expect(answer.body.message, url).toMatch(/^The image could not be fetched: Refused to connect to /);
      expect(answer.body.message, url).toMatch(reason);
    }
    expect(host.requests).toEqual([]);
  });
});
