// The messages between the runner, the load generator and the probe inside each server process.

/** Asked of the probe preloaded into a server (see servers/probe.ts). */
export interface ProbeRequest {
  readonly type: 'probe';
  readonly id: number;
  /** Collect garbage (twice) before reading the heap, so that the reading is what is retained. */
  readonly gc: boolean;
  /** Start a new event-loop delay window after reading this one. */
  readonly resetLoop: boolean;
}

/** What the probe answers. */
export interface ProbeReading {
  readonly type: 'probe-result';
  readonly id: number;
  readonly heapUsedBytes: number;
  readonly rssBytes: number;
  /** The server's event-loop lag since the last reset (perf_hooks, beyond its 10 ms period). */
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
}

/** From the generator to the runner. */
export type GeneratorMessage =
  | { readonly type: 'probe'; readonly id: number; readonly gc: boolean; readonly resetLoop: boolean }
  | { readonly type: 'progress'; readonly text: string }
  | { readonly type: 'result'; readonly result: unknown }
  | { readonly type: 'failed'; readonly message: string };

export function isProbeRequest(value: unknown): value is ProbeRequest {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'probe';
}

export function isProbeReading(value: unknown): value is ProbeReading {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'probe-result';
}
