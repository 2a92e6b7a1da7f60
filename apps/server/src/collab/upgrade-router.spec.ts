import type { IncomingMessage } from 'node:http';
import { CloseCode } from '@quire/constants';
import { SCHEMA_VERSION } from '@quire/editor-schema';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Grant } from '../auth/grant';
import type { SocketDecision, TicketsService } from '../auth/tickets-service';
import type { AppConfig } from '../config/config.schema';
import type { PrometheusMetrics } from '../metrics/prometheus-metrics';
import { UpgradeRouter } from './upgrade-router';

const grant: Grant = { kind: 'session', id: 'digest', documentId: 'doc-1', userId: 'user-1', role: 'editor' };
const config = {
  allowedOrigins: ['http://localhost:3000'],
  trustProxy: ['10.0.0.2'],
  connectLimit: { burst: 3, perSecond: 1 },
} as unknown as AppConfig;

/** A router whose tickets answer with `authorize`, and the metrics it reported. */
function routerWith(authorize: (token: string | null, documentId: string) => Promise<SocketDecision>) {
  const refused: number[] = [];
  const tokens: Array<string | null> = [];
  const tickets = {
    authorize: (token: string | null, documentId: string) => {
      tokens.push(token);
      return authorize(token, documentId);
    },
  } as unknown as TicketsService;
  const metrics = { upgradeRefused: (status: number) => refused.push(status) } as unknown as PrometheusMetrics;
  const router = new UpgradeRouter(config, pino({ level: 'silent' }), tickets, metrics);
  routers.push(router);
  return { router, refused, tokens };
}

const routers: UpgradeRouter[] = [];
afterEach(() => routers.splice(0).forEach((router) => router.onModuleDestroy()));

const admitted = async (): Promise<SocketDecision> => ({ ok: true, grant, user: { id: 'user-1', name: 'Ada' } });

function upgrade(url: string, headers: Record<string, string> = {}, remoteAddress = '198.51.100.7'): IncomingMessage {
  return { url, headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe('UpgradeRouter', () => {
  it('admits a socket whose token holds, with its grant, its user and a connection id of its own', async () => {
    const { router, tokens } = routerWith(admitted);
    const first = await router.route(upgrade(`/collab/doc-1?token=qk_ticket&schema=${SCHEMA_VERSION}`, { origin: 'http://localhost:3000' }));
    const second = await router.route(upgrade('/collab/doc-1?token=qk_ticket'));
    expect(tokens).toEqual(['qk_ticket', 'qk_ticket']);
    expect(first).toEqual({
      kind: 'admit',
      admission: { connectionId: expect.any(String), documentId: 'doc-1', remoteAddress: '198.51.100.7', grant, user: { id: 'user-1', name: 'Ada' }, acknowledge: false },
    });
    expect(second.kind === 'admit' && first.kind === 'admit' && second.admission.connectionId !== first.admission.connectionId).toBe(true);
  });

  it('refuses a wrong path, a bad id and a foreign origin with an HTTP status, before asking about the token', async () => {
    const { router, refused, tokens } = routerWith(admitted);
    expect(await router.route(upgrade('/elsewhere/doc-1'))).toMatchObject({ kind: 'refuse', status: 404 });
    expect(await router.route(upgrade('/collab/bad%20id'))).toMatchObject({ kind: 'refuse', status: 400 });
    expect(await router.route(upgrade('/collab/doc-1', { origin: 'https://evil.example' }))).toEqual({
      kind: 'refuse',
      status: 403,
      message: 'Origin https://evil.example is not allowed; add it to ALLOWED_ORIGINS',
    });
    expect(refused).toEqual([404, 400, 403]);
    expect(tokens).toEqual([]);
  });

  it('refuses an address past its burst with 429, counting the address a trusted proxy names', async () => {
    const { router, refused } = routerWith(admitted);
    for (let i = 0; i < 3; i++) expect((await router.route(upgrade('/collab/doc-1', { 'x-forwarded-for': '203.0.113.9' }, '10.0.0.2'))).kind).toBe('admit');
    expect(await router.route(upgrade('/collab/doc-1', { 'x-forwarded-for': '203.0.113.9' }, '10.0.0.2'))).toEqual({
      kind: 'refuse',
      status: 429,
      message: 'Too many connection attempts from this address; wait a moment',
    });
    expect((await router.route(upgrade('/collab/doc-1', { 'x-forwarded-for': '203.0.113.10' }, '10.0.0.2'))).kind).toBe('admit');
    expect(refused).toEqual([429]);
  });

  it('closes a socket its token does not let in with the token’s close code (counted under it)', async () => {
    const { router, refused } = routerWith(async () => ({ ok: false, code: CloseCode.Forbidden, message: 'This ticket is for another document' }));
    expect(await router.route(upgrade('/collab/doc-1?token=qk_other'))).toEqual({ kind: 'close', code: 4403, message: 'This ticket is for another document' });
    expect(refused).toEqual([4403]);
  });

  it('refuses with 503 when the database cannot say', async () => {
    const { router } = routerWith(async () => {
      throw new Error('connection refused');
    });
    expect(await router.route(upgrade('/collab/doc-1?token=qk_ticket'))).toEqual({
      kind: 'refuse',
      status: 503,
      message: 'Cannot check access right now (is the database reachable?); try again shortly',
    });
  });

  it('asks an outdated editor to reload (4426) once its token holds; a current or unnamed one is admitted', async () => {
    const { router } = routerWith(admitted);
    expect(await router.route(upgrade(`/collab/doc-1?schema=${SCHEMA_VERSION - 1}`))).toEqual({
      kind: 'close',
      code: CloseCode.EditorOutdated,
      message: 'editor out of date: reload the page',
    });
    expect((await router.route(upgrade(`/collab/doc-1?schema=${SCHEMA_VERSION + 1}`))).kind).toBe('admit');
  });
});
