import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setUpAdmin, type Account } from './access';
import { upgradeStatus } from './ws-probe';
import { metricSample } from './prometheus-text';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';
import { connectStockClient, eventually, synced, type StockClient } from './stock-client';

describe('operations: metrics, logs and per-address limits', () => {
  const data = temporaryDataDir();
  let server: ServerProcess;
  let admin: Account;
  const clients: StockClient[] = [];

  beforeAll(async () => {
    server = await startServer({
      dataDir: data.dir,
      env: { CONNECT_BURST_PER_ADDRESS: '40', CONNECT_RATE_PER_ADDRESS: '1', TRUST_PROXY: '127.0.0.1' },
    });
    admin = await setUpAdmin(server);
    for (const id of ['metrics', 'class']) await admin.createDocument(id);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
    data.remove();
  });

  it('serves Prometheus metrics that follow the traffic', async () => {
    // One with the API token itself, one with a single-use ticket, as a browser connects.
    const a = connectStockClient(server.wsUrl, 'metrics', { params: admin.params });
    const b = connectStockClient(server.wsUrl, 'metrics', { params: { token: (await admin.ticket('metrics', 'session')).ticket } });
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('measured')]);
    a.fragment.insert(0, [paragraph]);
    await eventually(() => b.fragment.toString().includes('measured'), 'b receives the edit');

    const response = await fetch(`${server.httpUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(metricSample(text, 'quire_connections')).toBe(2);
    expect(metricSample(text, 'quire_documents_loaded')).toBe(1);
    expect(metricSample(text, 'quire_messages_received_total{type="update"}')).toBeGreaterThanOrEqual(1);
    expect(metricSample(text, 'quire_messages_sent_total{type="update"}')).toBeGreaterThanOrEqual(1);
    expect(metricSample(text, 'quire_stored_updates_total')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('quire_store_write_seconds_bucket');
    // The update log's commits: their latency and the event-loop time each one blocked.
    expect(metricSample(text, 'quire_store_commit_seconds_count{result="ok"}')).toBeGreaterThanOrEqual(1);
    expect(metricSample(text, 'quire_store_commit_blocked_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(metricSample(text, 'quire_store_commit_appends_count')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('quire_relay_delay_seconds_bucket');
    expect(text).toContain('nodejs_eventloop_lag_p99_seconds');
  });

  it('logs JSON lines naming the connection and document, and never the token', async () => {
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(0);
    expect(server.output()).not.toContain(admin.bearer);
    const refused = await upgradeStatus(`${server.wsUrl}/bad.id?token=another-secret`);
    expect(refused).toBe(400);
    await eventually(() => server.output().includes('Upgrade refused'), 'the refusal is logged');
    expect(server.output()).not.toContain('another-secret');
    // Refused after the upgrade (an unknown token), it is not logged either.
    expect(await upgradeStatus(`${server.wsUrl}/metrics?token=qk_yet-another-secret`)).toBe(101);
    await eventually(() => server.output().includes('Socket refused'), 'the refused socket is logged');
    expect(server.output()).not.toContain('yet-another-secret');
  });

  it('limits connection attempts per address, reading X-Forwarded-For from a trusted proxy', async () => {
    // 40 attempts from one address behind the proxy are served: a class opening a document at once.
    const classroom = await Promise.all(
      Array.from({ length: 38 }, () => upgradeStatus(admin.socketUrl('class'), { 'X-Forwarded-For': '198.51.100.7' })),
    );
    expect(classroom.every((status) => status === 101)).toBe(true);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await upgradeStatus(admin.socketUrl('class'), { 'X-Forwarded-For': '198.51.100.7' }));
    expect(statuses).toContain(429);
    // Another address behind the same proxy is not affected.
    expect(await upgradeStatus(admin.socketUrl('class'), { 'X-Forwarded-For': '198.51.100.8' })).toBe(101);
    const text = await (await fetch(`${server.httpUrl}/metrics`)).text();
    expect(metricSample(text, 'quire_upgrades_refused_total{status="429"}')).toBeGreaterThanOrEqual(1);
  });
});
