import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Past either bound the generator, not the server, may be what limits a measurement. */
export const GENERATOR_CPU_LIMIT = 0.7;
export const GENERATOR_LAG_P99_LIMIT_MS = 20;

/** How busy the load generator was while it measured, and whether the measurement stands. */
export interface GeneratorHealth {
  /** CPU time over wall time: 1 is one whole core. */
  readonly cpuShare: number;
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  readonly valid: boolean;
  /** Why it is not valid ('' when it is). */
  readonly reason: string;
}

/** The delay monitor's timer period; it records whole periods, so the lag is what exceeds it. */
export const LOOP_RESOLUTION_MS = 10;

/** The event-loop lag from a `monitorEventLoopDelay` reading in nanoseconds (a whole timer period). */
export function lagMs(periodNs: number): number {
  return Math.max(0, periodNs / 1e6 - LOOP_RESOLUTION_MS);
}

/**
 * Watches the generator's own process over one measurement window: CPU from
 * `process.cpuUsage()`, event-loop lag from `monitorEventLoopDelay` (its 10 ms period taken off).
 */
export class SelfMonitor {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  private startedAt = 0;
  private startCpu: NodeJS.CpuUsage = { user: 0, system: 0 };

  start(): void {
    this.histogram.reset();
    this.histogram.enable();
    this.startedAt = performance.now();
    this.startCpu = process.cpuUsage();
  }

  /**
   * Ends the window. `timed: false` for figures the generator's speed cannot change (bytes of
   * memory): the health is still reported, but it does not make the measurement invalid.
   */
  stop({ timed = true }: { timed?: boolean } = {}): GeneratorHealth {
    const wallMs = performance.now() - this.startedAt;
    const cpu = process.cpuUsage(this.startCpu);
    this.histogram.disable();
    const cpuShare = (cpu.user + cpu.system) / 1000 / wallMs;
    const loopDelayP99Ms = this.histogram.count === 0 ? 0 : lagMs(this.histogram.percentile(99));
    const loopDelayMaxMs = this.histogram.count === 0 ? 0 : lagMs(this.histogram.max);
    const reasons: string[] = [];
    if (cpuShare > GENERATOR_CPU_LIMIT) reasons.push(`generator CPU ${(cpuShare * 100).toFixed(0)}% of a core`);
    if (loopDelayP99Ms > GENERATOR_LAG_P99_LIMIT_MS) reasons.push(`generator event-loop p99 ${loopDelayP99Ms.toFixed(1)} ms`);
    const valid = !timed || reasons.length === 0;
    return { cpuShare, loopDelayP99Ms, loopDelayMaxMs, valid, reason: valid ? '' : reasons.join(', ') };
  }
}
