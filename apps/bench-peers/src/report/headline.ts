import type { FigureKey } from '../figures';
import { SERVER_KINDS, type ServerName } from '../server-kinds';
import type { FigureRow, ScenarioSummary } from './aggregate';
import { format, type Table } from '@quire/bench-support';
import { formatCell } from './render';

/** The figures the issue's targets are about, one row each: scenario, step (or any), figure. */
const HEADLINES: readonly { scenario: string; step?: string; key: FigureKey }[] = [
  { scenario: 'fan-out', step: '100 clients', key: 'p99' },
  { scenario: 'fan-out', step: '200 clients', key: 'p99' },
  { scenario: 'fan-out', step: '200 clients', key: 'delivery' },
  { scenario: 'fan-out', step: '100 clients', key: 'cpuPerDelivery' },
  { scenario: 'fan-out', step: '200 clients', key: 'cpuPerDelivery' },
  { scenario: 'fan-out-ramp', step: 'summary', key: 'bestUnder100' },
  { scenario: 'fan-out-ramp', step: 'summary', key: 'p99PassesAt' },
  { scenario: 'many-documents', key: 'p99' },
  { scenario: 'many-documents', key: 'cpuPerDelivery' },
  { scenario: 'join', step: 'first client', key: 'firstSyncedMs' },
  { scenario: 'join', key: 'allSyncedMs' },
  { scenario: 'storm', key: 'allSyncedMs' },
  { scenario: 'storm', key: 'failures' },
  { scenario: 'storm', key: 'serverLoopMaxMs' },
  { scenario: 'memory-idle', key: 'rssPerConnection' },
  { scenario: 'memory-trace', key: 'heapOverYjs' },
  { scenario: 'memory-churn', key: 'heapDrift' },
  { scenario: 'awareness-storm', key: 'p99' },
  { scenario: 'awareness-storm', key: 'delivery' },
  { scenario: 'awareness-storm', key: 'cpuPerDelivery' },
  { scenario: 'replay', key: 'opsPerSecond' },
  { scenario: 'replay', key: 'overBaseline' },
];

/** One table of the headline figures: Quire, the best peer, the ratio, and the relay's floor. */
export function headlineTable(summaries: readonly ScenarioSummary[]): Table {
  const rows: string[][] = [];
  for (const headline of HEADLINES) {
    const summary = summaries.find((candidate) => candidate.info.name === headline.scenario);
    // Without a step named, the first step that reports the figure.
    const step = summary?.steps.find(
      (candidate) => (headline.step === undefined || candidate.step === headline.step) && candidate.rows.some((row) => row.key === headline.key),
    );
    const row = step?.rows.find((candidate) => candidate.key === headline.key);
    if (summary === undefined || step === undefined || row === undefined) continue;
    rows.push([
      `${summary.info.number}. ${headline.scenario}${step.step ? `, ${step.step}` : ''}`,
      row.spec.label,
      cell(row, 'quire'),
      row.bestPeer ? peerCell(row, row.bestPeer) : bestOfAll(row),
      Number.isFinite(row.ratio) ? format.ratio(row.ratio) : '–',
      cell(row, 'relay'),
    ]);
  }
  return { headers: ['scenario', 'figure', 'Quire', 'best peer', 'Quire ÷ best peer', 'relay (floor)'], rows };
}

function cell(row: FigureRow, server: ServerName): string {
  return formatCell(row.cells[server], row.spec.unit);
}

/** A peer's figure with its short name: `5.54 (Hocuspocus)`. */
function peerCell(row: FigureRow, peer: ServerName): string {
  return `${cell(row, peer)} (${SERVER_KINDS[peer].label.split(' ')[0]})`;
}

/** Where no ratio is taken (drifts, failure counts), the peers' values side by side. */
function bestOfAll(row: FigureRow): string {
  const peers = (['hocuspocus', 'y-websocket'] as const).filter((peer) => row.cells[peer] !== undefined);
  return peers.map((peer) => peerCell(row, peer)).join(', ') || '–';
}
