import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '../auth/auth-error';
import { discardRest } from './discard-rest';
import { cleanName, receiveUpload } from './receive-upload';
import { UploadSpool } from './upload-spool';

const MAX_BYTES = 64 * 1024;

describe('receiveUpload', () => {
  const root = mkdtempSync(join(tmpdir(), 'quire-receive-'));
  const spool = new UploadSpool(join(root, 'incoming'));
  let server: Server;
  let url = '';

  beforeAll(async () => {
    // Answers what was received (and the spooled content), or the refusal, as the files route does
    // (FilesController).
    server = createServer((request, response) => {
      receiveUpload(request, spool, MAX_BYTES).then(
        (upload) => {
          const content = readFileSync(upload.path, 'utf8');
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...upload, content }));
        },
        (error: unknown) => {
          const status = error instanceof AuthError ? error.status : 500;
          if (!request.complete) discardRest(request);
          response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: (error as Error).message }));
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  const spooled = () => readdirSync(spool.folder).filter((name) => name !== '');

  async function post(form: FormData): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(url, { method: 'POST', body: form });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const formWith = (field: string, content: string | Uint8Array, name = 'notes.txt') => {
    const form = new FormData();
    form.append(field, new Blob([content]), name);
    return form;
  };

  it('spools the file of the field "file" with its name, owner-only', async () => {
    const answer = await post(formWith('file', 'hello, world', 'Réunion.txt'));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ bytes: 12, name: 'Réunion.txt', content: 'hello, world' });
    expect(String(answer.body['path']).startsWith(spool.folder)).toBe(true);
  });

  it('takes a file of exactly the limit, and refuses one byte more with 413, leaving no spool file', async () => {
    const before = spooled().length;
    expect((await post(formWith('file', new Uint8Array(MAX_BYTES).fill(65)))).status).toBe(200);
    const refused = await post(formWith('file', new Uint8Array(MAX_BYTES + 1).fill(65)));
    expect(refused.status).toBe(413);
    expect(refused.body['message']).toBe('The file is larger than this server takes (65,536 bytes, MAX_UPLOAD_BYTES)');
    expect(spooled().length).toBe(before + 1);
  });

  it('refuses a file in another field, no file, an empty one, two files, and a body that is not multipart', async () => {
    const before = spooled().length;
    expect(await post(formWith('upload', 'x'))).toMatchObject({ status: 400, body: { message: 'Send the file in the field "file", not "upload"' } });
    const fieldOnly = new FormData();
    fieldOnly.append('file', 'a text field, not a file');
    expect(await post(fieldOnly)).toMatchObject({ status: 400, body: { message: 'No file in the field "file"' } });
    expect(await post(formWith('file', ''))).toMatchObject({ status: 400, body: { message: 'The file is empty' } });
    const two = formWith('file', 'one');
    two.append('file', new Blob(['two']), 'two.txt');
    expect(await post(two)).toMatchObject({ status: 400, body: { message: 'Send one file per request' } });
    const json = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    expect(spooled().length).toBe(before);
  });

  it('refuses at once a Content-Length far past the limit, before reading the body', async () => {
    const answer = await rawPost({ 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(10 * MAX_BYTES) }, 0);
    expect(answer.status).toBe(413);
  });

  it('stops reading a body that passes the limit without saying its length', async () => {
    // 64 MiB announced by nothing (chunked): the server must answer 413 long before it is all sent.
    const answer = await rawPost({ 'content-type': 'multipart/form-data; boundary=x' }, 64 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.sentBeforeAnswer).toBeLessThan(16 * 1024 * 1024);
  });

  /** Streams `bytes` of a file part as fast as the socket takes them, until the server answers; resolves what it answered and how much had been sent. */
  function rawPost(headers: Record<string, string>, bytes: number): Promise<{ status: number; sentBeforeAnswer: number }> {
    return new Promise((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const outgoing = httpRequest(url, { method: 'POST', headers }, (response) => {
        answered = true;
        response.resume();
        resolve({ status: response.statusCode ?? 0, sentBeforeAnswer: sent });
        outgoing.destroy();
      });
      outgoing.on('error', (error) => (answered ? undefined : reject(error)));
      const head = Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n\r\n');
      outgoing.write(head);
      const chunk = Buffer.alloc(64 * 1024, 66);
      const pump = () => {
        while (!answered && sent < bytes) {
          sent += chunk.length;
          if (!outgoing.write(chunk)) return void outgoing.once('drain', pump);
        }
        if (!answered) outgoing.end('\r\n--x--\r\n');
      };
      pump();
    });
  }
});

describe('cleanName', () => {
  it('keeps the last path segment, without control or text-direction characters, at most 200 characters', () => {
    expect(cleanName('C:\\fakepath\\photo.png')).toBe('photo.png');
    expect(cleanName('../../etc/passwd')).toBe('passwd');
    expect(cleanName('evil\u202Egnp.exe')).toBe('evilgnp.exe');
    expect(cleanName('line\nbreak.txt')).toBe('linebreak.txt');
    expect(cleanName('😀'.repeat(300))).toBe('😀'.repeat(200));
    expect(cleanName(undefined)).toBe('file');
    expect(cleanName('  ')).toBe('file');
  });
});
