import { describe, expect, it } from 'vitest';
import { API_ROUTES } from './routes';
import { VersionChange, VersionComparison, VersionNameBody, VersionQuery } from './versions';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message);

describe('version names', () => {
  it('takes 1 to 200 characters after trimming, and says what is wrong otherwise', () => {
    expect(VersionNameBody.parse({ name: '  Sent to the printer  ' })).toEqual({ name: 'Sent to the printer' });
    expect(VersionNameBody.parse({ name: 'x'.repeat(200) }).name).toHaveLength(200);
    expect(messages(VersionNameBody.safeParse({ name: '   ' }))).toEqual(['name: enter a name for the version']);
    expect(messages(VersionNameBody.safeParse({ name: 'x'.repeat(201) }))).toEqual(['name: at most 200 characters']);
    expect(messages(VersionNameBody.safeParse({ name: 'line\nbreak' }))).toEqual(['name: no control characters']);
    expect(VersionNameBody.safeParse({ name: 'ok', kind: 'auto' }).success).toBe(false);
  });
});

describe('version queries and answers', () => {
  it('takes format json or text, and compare with a version id or current', () => {
    expect(VersionQuery.parse({ format: 'text' })).toEqual({ format: 'text' });
    expect(VersionQuery.parse({ compare: 'current' })).toEqual({ compare: 'current' });
    expect(messages(VersionQuery.safeParse({ format: 'html' }))).toEqual(['format: json or text']);
  });

  it('describes every kind of change a comparison holds', () => {
    const comparison = {
      from: 'v1',
      to: 'current',
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }] },
      changes: [
        { type: 'insert', kind: 'text', from: 1, to: 3, authorIds: ['u1'] },
        { type: 'delete', kind: 'node', at: 4, fromA: 4, toA: 9, slice: { content: [{ type: 'paragraph' }] }, authorIds: [] },
        { type: 'format', from: 1, to: 2, added: [{ type: 'bold' }], removed: [], authorIds: ['u1'] },
        { type: 'node', from: 0, to: 4, before: { type: 'paragraph', attrs: {} }, after: { type: 'heading', attrs: { level: 1 } }, authorIds: ['u1'] },
      ],
      authors: [{ id: 'u1', name: 'Ada' }],
    };
    expect(VersionComparison.parse(comparison)).toEqual(comparison);
    expect(VersionChange.safeParse({ type: 'insert', kind: 'text', from: -1, to: 2, authorIds: [] }).success).toBe(false);
  });

  it('lists the version routes, the content route answering text too', () => {
    const versionRoutes = API_ROUTES.filter((route) => route.group === 'versions').map((route) => `${route.method} ${route.path}`);
    expect(versionRoutes).toEqual([
      'GET /api/documents/:id/versions',
      'POST /api/documents/:id/versions',
      'PATCH /api/documents/:id/versions/:versionId',
      'GET /api/documents/:id/versions/:versionId',
      'POST /api/documents/:id/versions/:versionId/restore',
      'POST /api/documents/:id/versions/:versionId/copy',
    ]);
    expect(API_ROUTES.find((route) => route.path === '/api/documents/:id/versions/:versionId' && route.method === 'GET')?.textAnswer).toBeTruthy();
  });
});
