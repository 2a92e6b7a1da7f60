import { readFileSync } from 'node:fs';

/** USER_HZ: Linux reports CPU time in ticks of 10 ms. */
const TICK_MS = 10;

/**
 * CPU time (user + system) the main thread of process `pid` has used, in ms with 10 ms
 * resolution, from Linux `/proc`; undefined elsewhere or once the process is gone. The main
 * thread is where a blocked event loop spends its time. (The health probe's worker reads the
 * same file with its own copy of this code.)
 */
export function mainThreadCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'latin1');
    // Fields after the command name, which is in parentheses and may hold spaces: utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}
