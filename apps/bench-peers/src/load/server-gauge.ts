import { processCpuSeconds, processMemory } from '../proc-stats';

/** What the server used during one measurement window. */
export interface ServerUsage {
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
  /** The largest resident set seen (sampled every 100 ms, and at both ends). */
  readonly peakRssBytes: number;
}

/**
 * Reads the server's CPU time and resident set from `/proc/<pid>` around a measurement window,
 * sampling the resident set meanwhile for its peak.
 */
export class ServerGauge {
  private startCpu = 0;
  private startedAt = 0;
  private peakRss = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly pid: number) {}

  start(): void {
    this.startCpu = processCpuSeconds(this.pid);
    this.startedAt = performance.now();
    this.peakRss = 0;
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
  }

  stop(): ServerUsage {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    return {
      cpuSeconds: processCpuSeconds(this.pid) - this.startCpu,
      wallSeconds: (performance.now() - this.startedAt) / 1000,
      peakRssBytes: this.peakRss,
    };
  }

  private sample(): void {
    this.peakRss = Math.max(this.peakRss, processMemory(this.pid).rssBytes);
  }
}
