import type { GeneratorHealth } from './load/self-monitor';
import type { ServerTarget } from './server-kinds';
import type { LatencySummary } from './stats/samples';

/** The name of a step that sums up the others (the ramp's); tables show it last. */
export const SUMMARY_STEP = 'summary';

/** One step of one scenario against one server in one round (a fan-out size, a rate, …). */
export interface StepResult {
  /** '100 clients', '20 keys/s'; '' for a scenario of one step. */
  readonly step: string;
  /** Figure key (see figures.ts) to value, in the figure's unit. */
  readonly values: Readonly<Record<string, number>>;
  /** Edit-to-receive latency, or time to sync for the joining scenarios. */
  readonly latency?: LatencySummary;
  readonly health: GeneratorHealth;
  /** Measurements over time (memory after each churn cycle, …), for the JSON. */
  readonly series?: Readonly<Record<string, readonly number[]>>;
  /** Correctness checks that failed (a delivery ratio below 100% is reported, not failed). */
  readonly failures: readonly string[];
}

/** What the generator hands back for one scenario against one server. */
export interface RunResult {
  readonly steps: readonly StepResult[];
  readonly notes: readonly string[];
}

/** The parameters a scenario runs with; `quick` shrinks them for a smoke run. */
export interface ScenarioRequest {
  readonly scenario: string;
  readonly quick: boolean;
  readonly target: ServerTarget;
  /** The prepared trace updates (see trace-updates.ts), for the scenarios that use the trace. */
  readonly traceCache: string;
}
