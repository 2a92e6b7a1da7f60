// @vitest-environment happy-dom
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { schema } from '@quire/editor-schema';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../lib/api/client';
import { importRemoteImages, remoteImageUrls } from './import-remote-images';
import { LiveMap } from './live-map';
import type { UploadHost } from './upload-files';

/** A stand-in for the server's remote-image route: one address is fetched, the other refused as the server would. */
let server: Server;
let serverUrl: string;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const cors = { 'access-control-allow-origin': request.headers.origin ?? '*', 'access-control-allow-credentials': 'true', 'access-control-allow-headers': 'content-type, accept' };
      if (request.method === 'OPTIONS') return response.writeHead(204, cors).end();
      const { url } = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { url?: string };
      asked.push(`${request.method} ${request.url} ${url}`);
      if (url === 'https://images.example/cat.png') {
        return response.writeHead(201, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ id: 'f1', url: '/api/files/f1', contentType: 'image/png', bytes: 68 }));
      }
      response.writeHead(422, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: 422, message: 'Refused to connect to intranet.example: 10.0.0.7 is a private-network address' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const image = (src: string) => schema.node('image', { src, alt: '' });

describe('pasted images from other sites', () => {
  it('finds the http(s) images of pasted HTML, once each, and nothing else', () => {
    const html =
      '<p>Hi</p><img src="https://images.example/cat.png"><img src=" https://images.example/cat.png "><img src="data:image/png;base64,AAAA"><img src="/relative.png"><img src="http://intranet.example/x.png">';
    expect(remoteImageUrls(html)).toEqual(['https://images.example/cat.png', 'http://intranet.example/x.png']);
  });

  it('become the server’s copy where the server fetched them, and stay links with their note where it refused', async () => {
    const state = EditorState.create({
      schema,
      doc: schema.node('doc', null, [image('https://images.example/cat.png'), schema.node('paragraph', null, [schema.text('between')]), image('http://intranet.example/x.png'), image('https://images.example/cat.png')]),
    });
    const view = new EditorView(document.createElement('div'), { state });
    const host: UploadHost = { api: new ApiClient(serverUrl, () => undefined), documentId: 'doc-1', uploads: new LiveMap(), onError: () => undefined, onImageUploaded: () => undefined };
    await importRemoteImages(view, ['https://images.example/cat.png', 'http://intranet.example/x.png'], host);
    const sources: string[] = [];
    view.state.doc.descendants((node) => void (node.type.name === 'image' && sources.push(String(node.attrs['src']))));
    expect(sources).toEqual(['/api/files/f1', 'http://intranet.example/x.png', '/api/files/f1']);
    expect(asked.sort()).toEqual(['POST /api/documents/doc-1/files/remote http://intranet.example/x.png', 'POST /api/documents/doc-1/files/remote https://images.example/cat.png']);
    view.destroy();
  });
});
