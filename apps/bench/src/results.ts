import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchmarkReport } from './benchmark';
import { currentLoad, type MachineInfo } from '@quire/bench-support';

/** Writes `bench-results/<name>.json` at the repository root; returns the path. */
export async function writeResult(
  repoRoot: string,
  name: string,
  title: string,
  report: BenchmarkReport,
  run: { readonly quick: boolean; readonly startedAt: Date; readonly durationMs: number; readonly machine: MachineInfo },
): Promise<string> {
  const directory = join(repoRoot, 'bench-results');
  await mkdir(directory, { recursive: true });
  const path = join(directory, `${name}.json`);
  const json = {
    benchmark: name,
    title,
    startedAt: run.startedAt.toISOString(),
    durationMs: Math.round(run.durationMs),
    quick: run.quick,
    machine: run.machine,
    loadAverageAfter: currentLoad(),
    summary: Object.fromEntries(report.summary),
    skipped: report.skipped,
    notes: report.notes,
    data: report.data,
  };
  await writeFile(path, `${JSON.stringify(json, null, 2)}\n`);
  return path;
}
