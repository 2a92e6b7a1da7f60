import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';

/** The machine a run measured, stored with every result: numbers mean little without it. */
export interface MachineInfo {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryBytes: number;
  readonly platform: string;
  readonly node: string;
  /** 1-minute load average when the run started: other work on the machine skews every number. */
  readonly loadAverage: number;
}

/** This machine, now. */
export function machineInfo(): MachineInfo {
  return {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryBytes: totalmem(),
    platform: `${platform()} ${release()}`,
    node: process.version,
    loadAverage: loadavg()[0],
  };
}

/** "2 cores (AMD EPYC), 24 GiB, linux 6.18, Node v20.20.2": the load average is the caller's to add. */
export function describeMachine(machine: MachineInfo): string {
  const gib = (machine.memoryBytes / 1024 ** 3).toFixed(0);
  return `${machine.cores} cores (${machine.cpuModel}), ${gib} GiB, ${machine.platform}, Node ${machine.node}`;
}

/** The 1-minute load average now, to show whether the machine was busy during a benchmark. */
export function currentLoad(): number {
  return loadavg()[0];
}
