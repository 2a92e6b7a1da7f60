import { OpenApiDocument } from '@quire/api-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './access';
import { documentedRoutes } from './documented-routes';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';

/** `METHOD /path` of every operation an OpenAPI document describes, with docs/api.md's `:params`. */
function describedRoutes(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations as Record<string, unknown>).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}

describe('GET /api/openapi.json', () => {
  const data = temporaryDataDir();
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServer({ dataDir: data.dir });
  });

  afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  it('describes every route of docs/api.md, and beyond them only health and metrics', async () => {
    const answer = await api(server, 'GET', '/api/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    const document = OpenApiDocument.parse(answer.body);
    expect(document.openapi).toBe('3.1.0');
    const described = describedRoutes(document);
    const documented = documentedRoutes();
    expect(documented).toContain('GET /api/openapi.json');
    expect(documented.filter((route) => !described.includes(route)), 'routes of docs/api.md missing from the OpenAPI document').toEqual([]);
    expect(described.filter((route) => !documented.includes(route)).sort(), 'routes the document has and docs/api.md does not').toEqual([
      'GET /health',
      'GET /health/live',
      'GET /metrics',
    ]);
  });

  it('marks the session-only routes of docs/api.md as taking the session cookie only', async () => {
    const document = OpenApiDocument.parse((await api(server, 'GET', '/api/openapi.json')).body);
    const security = (route: string) => {
      const [method, path] = route.split(' ');
      const operations = document.paths[path.replace(/:(\w+)/g, '{$1}')] as Record<string, { security: unknown }>;
      return operations[method.toLowerCase()].security;
    };
    expect(security('POST /api/tokens')).toEqual([{ session: [] }]);
    expect(security('GET /api/admin/events')).toEqual([{ session: [] }]);
    expect(security('GET /api/documents/:id')).toEqual([{ session: [] }, { bearer: [] }]);
    expect(security('POST /api/links/:token/tickets')).toEqual([]);
  });
});
