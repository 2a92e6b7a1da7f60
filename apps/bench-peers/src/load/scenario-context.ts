import type { ProbeReading } from '../ipc-messages';
import type { RunResult } from '../results';
import type { ServerTarget } from '../server-kinds';

/** What a scenario gets from the generator process. */
export interface ScenarioContext {
  readonly target: ServerTarget;
  readonly quick: boolean;
  /** The prepared trace updates (trace-updates.ts). */
  readonly traceCache: string;
  /** Heap (after GC when asked), RSS and event-loop delay from inside the server. */
  probe(options: { gc: boolean; resetLoop: boolean }): Promise<ProbeReading>;
  /**
   * Makes the documents exist where a server wants them created first (Quire: 4404 otherwise);
   * a no-op for the others, which create a document on its first connection.
   */
  createDocuments(ids: readonly string[]): Promise<void>;
  /** The user a client's presence must name (Quire drops presence naming anyone else). */
  readonly user: { readonly id: string; readonly name: string } | undefined;
  /** A line for the runner to print while the scenario runs. */
  progress(text: string): void;
}

/** One scenario as the generator runs it. */
export type Scenario = (context: ScenarioContext) => Promise<RunResult>;
