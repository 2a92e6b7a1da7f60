import { API_ROUTES } from '@quire/api-contract';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi-document';

type Operation = {
  security: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
};

const document = openApiDocument();
const operation = (method: string, path: string) => (document.paths?.[path] as Record<string, Operation> | undefined)?.[method];

describe('openApiDocument', () => {
  it('is OpenAPI 3.1 and describes every route of the contract, with its status of success', () => {
    expect(document.openapi).toBe('3.1.0');
    for (const route of API_ROUTES) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const found = operation(route.method.toLowerCase(), path);
      expect(found, `${route.method} ${route.path}`).toBeDefined();
      expect(Object.keys(found!.responses), `${route.method} ${route.path}`).toContain(String(route.status));
    }
  });

  it('names every schema of the contract, and routes refer to them', () => {
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(expect.arrayContaining(['DocumentView', 'SignupBody', 'ErrorBody', 'Role']));
    const create = operation('post', '/api/documents')!;
    expect(create.requestBody?.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CreateDocumentBody' });
    expect(create.responses['201'].content?.['application/json'].schema).toEqual({ $ref: '#/components/schemas/DocumentView' });
    expect(operation('get', '/metrics')!.responses['200'].content).toHaveProperty(['text/plain']);
  });

  it('says who may call a route, and the refusals that follow from it', () => {
    const admin = operation('get', '/api/admin/users')!;
    expect(admin.security).toEqual([{ session: [] }]);
    expect(admin.responses['401'].description).toBe('nobody is signed in');
    expect(admin.responses['403'].description).toBe('an API token: this route takes a browser session only; not the administrator');

    const rename = operation('patch', '/api/documents/{id}')!;
    expect(rename.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(rename.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path' })]);
    expect(Object.keys(rename.responses).sort()).toEqual(['200', '400', '401', '403', '404']);
    expect(rename.responses['400'].content?.['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });

    const resolve = operation('get', '/api/links/{token}')!;
    expect(resolve.security).toEqual([]);
    expect(Object.keys(resolve.responses).sort()).toEqual(['200', '404']);
  });

  it('describes an upload as multipart/form-data with one file, and a file’s answer as bytes of any type', () => {
    const upload = operation('post', '/api/documents/{id}/files')!;
    expect(upload.requestBody?.content['multipart/form-data'].schema).toEqual({
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    });
    expect(Object.keys(upload.responses).sort()).toEqual(['201', '400', '401', '403', '404', '413', '415', '429']);
    const download = operation('get', '/api/files/{id}')!;
    expect(download.security).toEqual([]);
    expect(download.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'access', in: 'query' })]));
    expect(download.responses['200'].content).toEqual({ '*/*': { schema: { type: 'string', format: 'binary' } } });
  });

  it('gives a version’s content as JSON or text, with its query parameters', () => {
    const content = operation('get', '/api/documents/{id}/versions/{versionId}')!;
    expect(Object.keys(content.responses['200'].content ?? {}).sort()).toEqual(['application/json', 'text/plain']);
    expect(content.parameters?.map((parameter) => `${parameter.in} ${parameter.name}`).sort()).toEqual(['path id', 'path versionId', 'query compare', 'query format']);
    expect(operation('post', '/api/documents/{id}/versions/{versionId}/restore')!.responses['200'].content?.['application/json'].schema).toEqual({
      $ref: '#/components/schemas/RestoreAnswer',
    });
  });

  it('lists what the session cookie and API tokens are', () => {
    expect(document.components?.securitySchemes).toEqual({
      session: { type: 'apiKey', in: 'cookie', name: 'quire_session' },
      bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token, qt_…' },
    });
  });
});
