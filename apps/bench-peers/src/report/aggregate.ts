import { FIGURES, type FigureKey, type FigureSpec } from '../figures';
import { SUMMARY_STEP, type RunResult, type StepResult } from '../results';
import { SCENARIOS, type ScenarioInfo } from '../scenario-catalog';
import { PEERS, type ServerName } from '../server-kinds';
import { median } from '@quire/bench-support';

/** One run as the runner recorded it: a result, or the error that ended it. */
export interface RunRecord {
  readonly round: number;
  readonly scenario: string;
  readonly server: ServerName;
  readonly durationMs: number;
  readonly result?: RunResult;
  readonly error?: string;
}

/** One figure for one server, over the rounds. */
export interface Cell {
  /** The rounds combined as the figure says (median, or the largest or smallest). */
  readonly value: number;
  readonly rounds: readonly number[];
  /** Some round's generator was past its bounds: the generator may have been the bottleneck. */
  readonly invalid: boolean;
  /** Some round failed a correctness check. */
  readonly failed: boolean;
}

export interface FigureRow {
  readonly key: FigureKey;
  readonly spec: FigureSpec;
  readonly cells: Partial<Record<ServerName, Cell>>;
  /** Quire's value over the best peer's (NaN when there is no comparison). */
  readonly ratio: number;
  readonly bestPeer: ServerName | undefined;
}

export interface StepSummary {
  readonly step: string;
  readonly rows: readonly FigureRow[];
}

export interface ScenarioSummary {
  readonly info: ScenarioInfo;
  readonly steps: readonly StepSummary[];
  readonly notes: readonly string[];
  /** Runs that ended in an error, and correctness checks that failed, with server and round. */
  readonly problems: readonly string[];
  /** Why rounds were marked invalid, with server and round. */
  readonly invalidRuns: readonly string[];
}

/** Combines the rounds of every scenario into rows of figures with Quire's ratio to the best peer. */
export function summarize(records: readonly RunRecord[], servers: readonly ServerName[]): ScenarioSummary[] {
  const summaries: ScenarioSummary[] = [];
  for (const info of SCENARIOS) {
    const runs = records.filter((record) => record.scenario === info.name);
    if (runs.length === 0) continue;
    const problems: string[] = [];
    const invalidRuns: string[] = [];
    for (const run of runs) {
      const where = `${run.server}, round ${run.round}`;
      if (run.error !== undefined) problems.push(`${where}: ${run.error.split('\n')[0]}`);
      for (const step of run.result?.steps ?? []) {
        for (const failure of step.failures) problems.push(`${where}, ${step.step}: ${failure}`);
        if (!step.health.valid) invalidRuns.push(`${where}, ${step.step}: ${step.health.reason}`);
      }
    }
    // In order of first appearance, a summary step last (servers may stop a ramp at different steps).
    const stepNames = unique(runs.flatMap((run) => run.result?.steps.map((step) => step.step) ?? [])).sort(
      (a, b) => Number(a === SUMMARY_STEP) - Number(b === SUMMARY_STEP),
    );
    const steps = stepNames.map((step) => summarizeStep(step, runs, servers));
    const notes = unique(runs.flatMap((run) => run.result?.notes ?? []));
    summaries.push({ info, steps, notes, problems, invalidRuns });
  }
  return summaries;
}

function summarizeStep(step: string, runs: readonly RunRecord[], servers: readonly ServerName[]): StepSummary {
  const found = (server: ServerName) =>
    runs
      .filter((run) => run.server === server)
      .map((run) => run.result?.steps.find((candidate) => candidate.step === step))
      .filter((candidate): candidate is StepResult => candidate !== undefined);
  const keys = (Object.keys(FIGURES) as FigureKey[]).filter((key) =>
    servers.some((server) => found(server).some((result) => key in result.values)),
  );
  const rows = keys.map((key): FigureRow => {
    const spec: FigureSpec = FIGURES[key];
    const cells: Partial<Record<ServerName, Cell>> = {};
    for (const server of servers) {
      const results = found(server).filter((result) => key in result.values);
      if (results.length === 0) continue;
      const rounds = results.map((result) => result.values[key]);
      cells[server] = {
        value: combine(rounds, spec.aggregate),
        rounds,
        invalid: results.some((result) => !result.health.valid),
        failed: results.some((result) => result.failures.length > 0),
      };
    }
    const { ratio, bestPeer } = compare(spec, cells);
    return { key, spec, cells, ratio, bestPeer };
  });
  return { step, rows };
}

function combine(values: readonly number[], how: FigureSpec['aggregate']): number {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return Number.NaN;
  if (how === 'max') return Math.max(...finite);
  if (how === 'min') return Math.min(...finite);
  return median(finite);
}

function compare(spec: FigureSpec, cells: Partial<Record<ServerName, Cell>>): { ratio: number; bestPeer: ServerName | undefined } {
  const quire = cells.quire?.value;
  if (spec.better === 'none' || spec.ratio === false || quire === undefined || !Number.isFinite(quire)) return { ratio: Number.NaN, bestPeer: undefined };
  let bestPeer: ServerName | undefined;
  for (const peer of PEERS) {
    const value = cells[peer]?.value;
    if (value === undefined || !Number.isFinite(value)) continue;
    const best = bestPeer === undefined ? undefined : cells[bestPeer]?.value;
    if (best === undefined || (spec.better === 'lower' ? value < best : value > best)) bestPeer = peer;
  }
  const best = bestPeer === undefined ? undefined : cells[bestPeer]?.value;
  if (best === undefined || best === 0) return { ratio: Number.NaN, bestPeer };
  return { ratio: quire / best, bestPeer };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
