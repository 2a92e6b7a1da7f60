import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_ROUTES } from './routes';

describe('API_ROUTES', () => {
  it('lists each route once', () => {
    const keys = API_ROUTES.map((route) => `${route.method} ${route.path}`);
    expect(keys.length).toBeGreaterThan(30);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every answer but 204 a body, and 204 none', () => {
    for (const route of API_ROUTES) {
      expect(route.answer === undefined, `${route.method} ${route.path}`).toBe(route.status === 204);
    }
  });

  it('takes bodies only on state-changing routes, and refuses fields it does not know', () => {
    for (const route of API_ROUTES.filter((candidate) => candidate.body)) {
      expect(route.method, route.path).not.toBe('GET');
      // An object, or an object with a rule across its fields (a refinement).
      const object = route.body instanceof z.ZodEffects ? route.body.innerType() : route.body;
      expect(object).toBeInstanceOf(z.ZodObject);
      expect((route.body as z.AnyZodObject).safeParse({ unexpected: true }).success, `${route.method} ${route.path}`).toBe(false);
    }
  });

  it('takes an upload (multipart/form-data) only on a POST without a JSON body, and reads query parameters only on GET', () => {
    const uploads = API_ROUTES.filter((route) => route.upload);
    expect(uploads.map((route) => `${route.method} ${route.path}`)).toEqual(['POST /api/documents/import', 'POST /api/documents/:id/files']);
    for (const route of uploads) expect(route.body, route.path).toBeUndefined();
    // A route whose body is raw content (Markdown, HTML) takes its options in the query.
    for (const route of API_ROUTES.filter((candidate) => candidate.query && !candidate.rawBody)) expect(route.method, route.path).toBe('GET');
    for (const route of API_ROUTES.filter((candidate) => candidate.rawBody)) expect(route.body, route.path).toBeUndefined();
  });

  it('keeps the API under /api, and only health and metrics outside it', () => {
    const outside = API_ROUTES.filter((route) => !route.path.startsWith('/api/')).map((route) => route.path);
    expect(outside).toEqual(['/health', '/health/live', '/metrics']);
  });
});
