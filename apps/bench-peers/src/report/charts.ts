import { SERVER_KINDS, type ServerName } from '../server-kinds';
import { bucketUpperMs, type LatencySummary } from '../stats/samples';
import { addHistograms } from '../stats/samples';
import type { RunRecord, ScenarioSummary } from './aggregate';
import { format } from '@quire/bench-support';
import * as svg from './svg';

export const SERVER_COLORS: Readonly<Record<ServerName, string>> = {
  quire: '#1f5fbf',
  hocuspocus: '#e8741a',
  'y-websocket': '#2f9e44',
  relay: '#888888',
};
const RELAY_DASH = '5 4';

// Percentiles on a "nines" axis: x = -log10(1 - p), so 90%, 99%, 99.9% are evenly spaced.
const NINES = [
  { x: 0, label: '0%' },
  { x: Math.log10(2), label: '50%' },
  { x: 1, label: '90%' },
  { x: 2, label: '99%' },
  { x: 3, label: '99.9%' },
  { x: 4, label: '99.99%' },
];
const MAX_NINES = 4;

/**
 * Latency by percentile, one line per server, from the histograms of every round pooled: how the
 * distribution's tail grows, which a p50/p99/max row cannot show.
 */
export function latencyChart(title: string, caption: string, runs: readonly RunRecord[], step: string, servers: readonly ServerName[]): string | undefined {
  const series = servers
    .map((server) => {
      const histograms = runs
        .filter((run) => run.server === server)
        .map((run) => run.result?.steps.find((candidate) => candidate.step === step)?.latency)
        .filter((latency): latency is LatencySummary => latency !== undefined && latency.count > 0)
        .map((latency) => latency.histogram);
      return { server, histogram: histograms.length === 0 ? undefined : addHistograms(histograms) };
    })
    .filter((entry): entry is { server: ServerName; histogram: number[] } => entry.histogram !== undefined);
  if (series.length === 0) return undefined;

  const used = series.flatMap(({ histogram }) => histogram.flatMap((count, index) => (count > 0 ? [index] : [])));
  const low = Math.floor(Math.log10(bucketUpperMs(Math.min(...used) - 1)));
  const high = Math.ceil(Math.log10(bucketUpperMs(Math.max(...used))));
  const x = (nines: number) => svg.MARGIN.left + (Math.min(nines, MAX_NINES) / MAX_NINES) * svg.PLOT.width;
  const y = (ms: number) => svg.MARGIN.top + svg.PLOT.height - ((Math.log10(ms) - low) / Math.max(1, high - low)) * svg.PLOT.height;

  const body: string[] = [];
  for (let decade = low; decade <= high; decade++) {
    const value = 10 ** decade;
    body.push(svg.line(svg.MARGIN.left, y(value), svg.MARGIN.left + svg.PLOT.width, y(value)));
    body.push(svg.text(svg.MARGIN.left - 6, y(value) + 4, value >= 1 ? `${value} ms` : `${value.toPrecision(1)} ms`, { anchor: 'end', size: 11 }));
  }
  for (const tick of NINES) {
    body.push(svg.line(x(tick.x), svg.MARGIN.top, x(tick.x), svg.MARGIN.top + svg.PLOT.height));
    body.push(svg.text(x(tick.x), svg.MARGIN.top + svg.PLOT.height + 16, tick.label, { anchor: 'middle', size: 11 }));
  }
  body.push(svg.text(svg.MARGIN.left + svg.PLOT.width / 2, svg.MARGIN.top + svg.PLOT.height + 34, 'percentile', { anchor: 'middle' }));
  for (const { server, histogram } of series) {
    const total = histogram.reduce((sum, count) => sum + count, 0);
    let cumulative = 0;
    const points: [number, number][] = [];
    histogram.forEach((count, index) => {
      if (count === 0) return;
      if (points.length === 0) points.push([x(0), y(bucketUpperMs(index))]);
      cumulative += count;
      const share = cumulative / total;
      points.push([x(share >= 1 ? MAX_NINES : -Math.log10(1 - share)), y(bucketUpperMs(index))]);
    });
    body.push(svg.polyline(points, SERVER_COLORS[server], server === 'relay' ? RELAY_DASH : ''));
  }
  body.push(...svg.legend(series.map(({ server }) => ({ label: SERVER_KINDS[server].label, color: SERVER_COLORS[server], dash: server === 'relay' ? RELAY_DASH : '' }))));
  return svg.document(title, caption, body);
}

/** Bars of RSS and heap per idle connection, per server (medians of the rounds). */
export function memoryChart(summary: ScenarioSummary, servers: readonly ServerName[], caption: string): string | undefined {
  const rows = summary.steps[0]?.rows ?? [];
  const rss = rows.find((row) => row.key === 'rssPerConnection');
  const heap = rows.find((row) => row.key === 'heapPerConnection');
  if (rss === undefined) return undefined;
  const present = servers.filter((server) => rss.cells[server] !== undefined);
  const values = present.flatMap((server) => [rss.cells[server]?.value ?? 0, heap?.cells[server]?.value ?? 0]);
  const top = niceCeiling(Math.max(1, ...values) / 1024) * 1024; // whole KiB on the axis
  const y = (value: number) => svg.MARGIN.top + svg.PLOT.height - (Math.max(0, value) / top) * svg.PLOT.height;
  const group = svg.PLOT.width / Math.max(1, present.length);
  const bar = group * 0.32;
  const body: string[] = [];
  for (let tick = 0; tick <= 4; tick++) {
    const value = (top / 4) * tick;
    body.push(svg.line(svg.MARGIN.left, y(value), svg.MARGIN.left + svg.PLOT.width, y(value)));
    body.push(svg.text(svg.MARGIN.left - 6, y(value) + 4, format.bytes(value), { anchor: 'end', size: 11 }));
  }
  present.forEach((server, index) => {
    const left = svg.MARGIN.left + index * group + group * 0.16;
    const rssValue = rss.cells[server]?.value ?? 0;
    const heapValue = heap?.cells[server]?.value ?? 0;
    body.push(svg.rect(left, y(rssValue), bar, y(0) - y(rssValue), SERVER_COLORS[server]));
    body.push(svg.rect(left + bar + 4, y(heapValue), bar, y(0) - y(heapValue), `${SERVER_COLORS[server]}88`));
    body.push(svg.text(left + bar / 2, y(rssValue) - 4, format.bytes(rssValue), { anchor: 'middle', size: 10 }));
    body.push(svg.text(left + bar * 1.5 + 4, y(heapValue) - 4, format.bytes(heapValue), { anchor: 'middle', size: 10 }));
    body.push(svg.text(left + bar + 2, svg.MARGIN.top + svg.PLOT.height + 16, SERVER_KINDS[server].label.replace(/ \(floor\)$/, ''), { anchor: 'middle', size: 11 }));
  });
  body.push(...svg.legend([
    { label: 'RSS', color: '#555', box: true },
    { label: 'heap (after GC)', color: '#55555588', box: true },
  ]));
  return svg.document(`${summary.info.title}: memory per connection`, caption, body);
}

/** Fan-out p99 against the number of clients, a line per server. */
export function fanOutChart(summary: ScenarioSummary, servers: readonly ServerName[], caption: string): string | undefined {
  const points = servers.map((server) => ({
    server,
    points: summary.steps
      .map((step) => ({ clients: Number.parseInt(step.step, 10), p99: step.rows.find((row) => row.key === 'p99')?.cells[server]?.value }))
      .filter((point): point is { clients: number; p99: number } => Number.isFinite(point.clients) && point.p99 !== undefined && Number.isFinite(point.p99)),
  }));
  const all = points.flatMap((series) => series.points);
  if (all.length === 0) return undefined;
  const maxClients = Math.max(...all.map((point) => point.clients));
  const low = Math.floor(Math.log10(Math.min(...all.map((point) => point.p99))));
  const high = Math.ceil(Math.log10(Math.max(...all.map((point) => point.p99))));
  const x = (clients: number) => svg.MARGIN.left + (clients / maxClients) * svg.PLOT.width;
  const y = (ms: number) => svg.MARGIN.top + svg.PLOT.height - ((Math.log10(ms) - low) / Math.max(1, high - low)) * svg.PLOT.height;
  const body: string[] = [];
  for (let decade = low; decade <= high; decade++) {
    body.push(svg.line(svg.MARGIN.left, y(10 ** decade), svg.MARGIN.left + svg.PLOT.width, y(10 ** decade)));
    body.push(svg.text(svg.MARGIN.left - 6, y(10 ** decade) + 4, `${10 ** decade} ms`, { anchor: 'end', size: 11 }));
  }
  for (const clients of [...new Set(all.map((point) => point.clients))]) {
    body.push(svg.text(x(clients), svg.MARGIN.top + svg.PLOT.height + 16, String(clients), { anchor: 'middle', size: 11 }));
  }
  body.push(svg.text(svg.MARGIN.left + svg.PLOT.width / 2, svg.MARGIN.top + svg.PLOT.height + 34, 'clients on the document', { anchor: 'middle' }));
  for (const series of points) {
    if (series.points.length === 0) continue;
    body.push(svg.polyline(series.points.map((point) => [x(point.clients), y(point.p99)]), SERVER_COLORS[series.server], series.server === 'relay' ? RELAY_DASH : ''));
  }
  body.push(...svg.legend(points.filter((series) => series.points.length > 0).map(({ server }) => ({ label: SERVER_KINDS[server].label, color: SERVER_COLORS[server], dash: server === 'relay' ? RELAY_DASH : '' }))));
  return svg.document('Fan-out: p99 edit-to-receive latency by clients on one document', caption, body);
}

function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * magnitude) return step * magnitude;
  return 10 * magnitude;
}
