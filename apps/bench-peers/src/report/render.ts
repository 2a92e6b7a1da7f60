import type { Unit } from '../figures';
import { SERVER_KINDS, type ServerName } from '../server-kinds';
import type { Cell, ScenarioSummary } from './aggregate';
import { format, type Table } from '@quire/bench-support';

/** A value in its unit, as printed. */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return format.ms(value);
    case 'percent':
      return format.percent(value);
    case 'rate':
    case 'count':
      return format.integer(value);
    case 'seconds':
      return Number.isFinite(value) ? value.toFixed(2) : '–';
    case 'us':
      return format.significant(value);
    case 'bytes':
      return format.bytes(value);
    case 'ratio':
      return format.ratio(value);
  }
}

/** `*`: a round's generator was past its bounds; `!`: a round failed a check. */
export function formatCell(cell: Cell | undefined, unit: Unit): string {
  if (cell === undefined) return '–';
  return `${formatValue(cell.value, unit)}${cell.failed ? '!' : cell.invalid ? '*' : ''}`;
}

/** One scenario's table: a row per figure and step, a column per server, Quire's ratio last. */
export function scenarioTable(summary: ScenarioSummary, servers: readonly ServerName[]): Table {
  const rows: string[][] = [];
  for (const step of summary.steps) {
    step.rows.forEach((row, index) => {
      const ratio = Number.isFinite(row.ratio) ? `${format.ratio(row.ratio)}${row.bestPeer === 'hocuspocus' ? ' H' : row.bestPeer === 'y-websocket' ? ' Y' : ''}` : '–';
      rows.push([
        index === 0 ? step.step : '',
        row.spec.label,
        row.spec.better === 'lower' ? 'lower' : row.spec.better === 'higher' ? 'higher' : '',
        ...servers.map((server) => formatCell(row.cells[server], row.spec.unit)),
        ratio,
      ]);
    });
  }
  return {
    headers: ['step', 'figure', 'better', ...servers.map((server) => SERVER_KINDS[server].label), 'Quire ÷ best peer'],
    rows,
  };
}

/** How to read the tables, printed once under them. */
export const LEGEND = [
  'Each cell: the median of the rounds (latency max: the largest; delivered: the worst round).',
  'Quire ÷ best peer: Quire\'s figure over the better of Hocuspocus (H) and y-websocket (Y); below 1× is better where lower is better, above 1× where higher is.',
  '* a round where the load generator passed its bounds (over 70% of a core, or event-loop p99 over 20 ms): the generator, not the server, may have limited it.',
  '! a round that failed a correctness check (listed under the table).',
  'The bare relay is a floor (a stateless forwarder, no Yjs), not a peer: no ratio is taken against it.',
];
