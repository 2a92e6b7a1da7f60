import type { BenchDatabase } from './postgres';

/** What every benchmark gets from the runner. */
export interface BenchContext {
  readonly quick: boolean;
  /** The repository root (where `bench-results/` goes and the trace is looked up from). */
  readonly repoRoot: string;
  /** Where SQLite files go; removed at the end of the run. */
  readonly tempDir: string;
  readonly postgres: BenchDatabase;
}
