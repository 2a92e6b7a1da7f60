import type { BenchContext } from './context';
import type { Table } from '@quire/bench-support';

/** What a benchmark hands back: lines and a table to print, and the raw numbers for the JSON. */
export interface BenchmarkReport {
  /** `label: value` lines printed above the table (setup, totals, checks). */
  readonly summary: readonly (readonly [label: string, value: string])[];
  readonly table: Table;
  /** Printed below the table: how to read it, and anything skipped and why. */
  readonly notes: readonly string[];
  /** Rows or measurements that could not run, with the reason (e.g. PostgreSQL unreachable). */
  readonly skipped: readonly { readonly what: string; readonly reason: string }[];
  /** Full-precision numbers, written to `bench-results/<name>.json`. */
  readonly data: unknown;
}

/** One benchmark of the suite. */
export interface Benchmark {
  /** As given to `--only` and used for the JSON file name. */
  readonly name: string;
  readonly title: string;
  run(context: BenchContext): Promise<BenchmarkReport>;
}

/** The report of a benchmark this machine cannot run: the reason, printed and in the JSON. */
export function skippedReport(name: string, reason: string, headers: readonly string[]): BenchmarkReport {
  return {
    summary: [['skipped', reason]],
    table: { headers, rows: [] },
    notes: [`${name} skipped: ${reason}`],
    skipped: [{ what: name, reason }],
    data: { skipped: reason },
  };
}
