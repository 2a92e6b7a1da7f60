import type { DocumentBus } from '@quire/bus';
import type { HubMetrics } from '@quire/collab-core';
import type { CommitTiming } from '@quire/storage';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: from a tenth of a millisecond (SQLite group commit) to seconds (a struggling database). */
const LATENCY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Seconds the event loop is held by one commit: from ten microseconds (handing it to a thread) up. */
const BLOCKED_BUCKETS = [0.00001, 0.000025, 0.00005, ...LATENCY_BUCKETS];

/** Appends that share one commit: one for PostgreSQL, a turn's worth for SQLite's group commit. */
const APPENDS_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/**
 * How often the event-loop delay is sampled. prom-client's 10 ms woke an idle server 98 times a
 * second (10.4 ms of CPU per second, measured 40 s after start); at 100 ms, 11 times (1.0 ms).
 * Stalls of 100 ms or more always show; shorter ones show in proportion to their length, enough
 * for an alert.
 */
const EVENT_LOOP_SAMPLE_MS = 100;

/**
 * The server's Prometheus metrics: the hub's counters and latencies, connections and documents
 * read from the hub at scrape time, refused upgrades, and Node's default process metrics
 * (including event-loop delay).
 */
export class PrometheusMetrics implements HubMetrics {
  readonly registry = new Registry();
  private stats: () => { documentsLoaded: number; connections: number } = () => ({ documentsLoaded: 0, connections: 0 });

  private readonly received = new Counter({ name: 'quire_messages_received_total', help: 'Messages received from clients, by type', labelNames: ['type'], registers: [this.registry] });
  private readonly receivedBytes = new Counter({ name: 'quire_message_bytes_received_total', help: 'Bytes of messages received from clients, by type', labelNames: ['type'], registers: [this.registry] });
  private readonly sent = new Counter({ name: 'quire_messages_sent_total', help: 'Messages sent to clients (one per recipient), by type', labelNames: ['type'], registers: [this.registry] });
  private readonly sentBytes = new Counter({ name: 'quire_message_bytes_sent_total', help: 'Bytes sent to clients, by type', labelNames: ['type'], registers: [this.registry] });
  private readonly rejections = new Counter({ name: 'quire_rejected_total', help: 'Frames refused and connections closed by the server, by reason', labelNames: ['reason'], registers: [this.registry] });
  private readonly upgradesRefused = new Counter({ name: 'quire_upgrades_refused_total', help: 'WebSocket upgrades refused, by HTTP status', labelNames: ['status'], registers: [this.registry] });
  private readonly storeLatency = new Histogram({ name: 'quire_store_write_seconds', help: 'Time to append a batch of updates to the store', labelNames: ['result'], buckets: LATENCY_BUCKETS, registers: [this.registry] });
  private readonly storedUpdates = new Counter({ name: 'quire_stored_updates_total', help: 'Updates appended to the store', registers: [this.registry] });
  private readonly commitLatency = new Histogram({ name: 'quire_store_commit_seconds', help: 'Latency of one commit of appends (a SQLite group commit, a PostgreSQL append): from handing it to the database to knowing it durable', labelNames: ['result'], buckets: LATENCY_BUCKETS, registers: [this.registry] });
  private readonly commitBlocked = new Histogram({ name: 'quire_store_commit_blocked_seconds', help: 'Event-loop time blocked by one commit of appends: nothing else, no relay of any document, runs meanwhile', buckets: BLOCKED_BUCKETS, registers: [this.registry] });
  private readonly commitAppends = new Histogram({ name: 'quire_store_commit_appends', help: 'Appends (of all documents) that shared one commit', buckets: APPENDS_BUCKETS, registers: [this.registry] });
  private readonly relayDelay = new Histogram({ name: 'quire_relay_delay_seconds', help: 'From applying an update to relaying it, i.e. what storing first costs', buckets: LATENCY_BUCKETS, registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
    const readStats = () => this.stats();
    new Gauge({
      name: 'quire_connections',
      help: 'Open collaboration connections',
      registers: [this.registry],
      collect() {
        this.set(readStats().connections);
      },
    });
    new Gauge({
      name: 'quire_documents_loaded',
      help: 'Documents in memory',
      registers: [this.registry],
      collect() {
        this.set(readStats().documentsLoaded);
      },
    });
  }

  /** Exports the bus's state and counts (only when Redis is configured: alone, there is nothing to see). */
  observeBus(bus: DocumentBus): void {
    new Gauge({
      name: 'quire_bus_up',
      help: '1 while the bus to the other instances (Redis) is connected, else 0',
      registers: [this.registry],
      collect() {
        this.set(bus.status === 'ok' ? 1 : 0);
      },
    });
    const counters = [
      ['quire_bus_messages_published_total', 'Messages published to the other instances', 'published'],
      ['quire_bus_messages_received_total', 'Messages received from the other instances', 'received'],
      ['quire_bus_publish_failures_total', 'Publishes that did not reach Redis (the others catch up from the store)', 'publishFailures'],
      ['quire_bus_gaps_total', 'Times messages may have been lost (reconnections), each followed by a catch-up from the store', 'gaps'],
    ] as const;
    for (const [name, help, field] of counters) {
      new Counter({
        name,
        help,
        registers: [this.registry],
        collect() {
          // The bus counts; the scrape copies its count.
          this.reset();
          this.inc(bus.stats[field]);
        },
      });
    }
  }

  /** Where connection and document counts come from (the hub, once it exists). */
  observe(stats: () => { documentsLoaded: number; connections: number }): void {
    this.stats = stats;
  }

  upgradeRefused(status: number): void {
    this.upgradesRefused.inc({ status: String(status) });
  }

  messageReceived(type: string, bytes: number): void {
    this.received.inc({ type });
    this.receivedBytes.inc({ type }, bytes);
  }

  messagesSent(type: string, bytes: number, frames: number): void {
    this.sent.inc({ type }, frames);
    this.sentBytes.inc({ type }, bytes * frames);
  }

  rejected(reason: string): void {
    this.rejections.inc({ reason });
  }

  storeWrite(seconds: number, updates: number, ok: boolean): void {
    this.storeLatency.observe({ result: ok ? 'ok' : 'error' }, seconds);
    if (ok) this.storedUpdates.inc(updates);
  }

  /** One commit of the store's appends (the storage's `onCommit`). */
  storeCommit({ appends, latencySeconds, blockedSeconds, ok }: CommitTiming): void {
    this.commitLatency.observe({ result: ok ? 'ok' : 'error' }, latencySeconds);
    this.commitBlocked.observe(blockedSeconds);
    this.commitAppends.observe(appends);
  }

  relayed(seconds: number): void {
    this.relayDelay.observe(seconds);
  }
}
