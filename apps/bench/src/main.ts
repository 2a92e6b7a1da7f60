import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs, USAGE, type BenchArgs } from './args';
import type { Benchmark, BenchmarkReport } from './benchmark';
import { BENCHMARKS } from './benchmarks';
import type { BenchContext } from './context';
import { currentLoad, describeMachine, machineInfo, renderTable, runCli } from '@quire/bench-support';
import { createBenchDatabase, dropBenchDatabase } from './postgres';
import { writeResult } from './results';

// apps/bench/dist/main.js: the repository root is three levels up.
const REPO_ROOT = resolve(__dirname, '../../..');

async function main(args: BenchArgs): Promise<number> {
  const selected = args.only === undefined ? BENCHMARKS : BENCHMARKS.filter((benchmark) => benchmark.name === args.only);
  if (selected.length === 0) {
    throw new Error(`No benchmark named ${JSON.stringify(args.only)}; there are ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  }

  const machine = machineInfo();
  console.log(`Quire benchmarks${args.quick ? ' (--quick: short run, rough numbers)' : ''}`);
  console.log(`machine: ${describeMachine(machine)}; load average ${machine.loadAverage.toFixed(2)}`);

  const tempDir = await mkdtemp(join(tmpdir(), 'quire-bench-'));
  const postgres = await createBenchDatabase();
  console.log(
    postgres.available
      ? `PostgreSQL: fresh database ${postgres.name} (dropped at the end)`
      : `PostgreSQL unavailable, its rows are skipped: ${postgres.reason}`,
  );
  const context: BenchContext = { quick: args.quick, repoRoot: REPO_ROOT, tempDir, postgres };
  const cleanUp = async () => {
    await dropBenchDatabase(postgres).catch((error: unknown) =>
      console.error(`Could not drop the benchmark database: ${String(error)}`),
    );
    await rm(tempDir, { recursive: true, force: true });
  };
  // Ctrl-C in a long run must not leave a database or SQLite files behind.
  const interrupted = () => {
    console.error('\nInterrupted; cleaning up');
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  let failures = 0;
  try {
    for (const benchmark of selected) {
      if (!(await runOne(benchmark, context, machine))) failures += 1;
    }
  } finally {
    await cleanUp();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
  if (failures > 0) console.error(`\n${failures} benchmark(s) FAILED`);
  return failures > 0 ? 1 : 0;
}

/** Runs, prints and records one benchmark; false if it failed (the run goes on with the next). */
async function runOne(benchmark: Benchmark, context: BenchContext, machine: ReturnType<typeof machineInfo>): Promise<boolean> {
  console.log(`\n=== ${benchmark.name}: ${benchmark.title}`);
  const startedAt = new Date();
  const started = performance.now();
  let report: BenchmarkReport;
  try {
    report = await benchmark.run(context);
  } catch (error) {
    console.error(`\n!!! ${benchmark.name} FAILED !!!`);
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return false;
  }
  const durationMs = performance.now() - started;
  const width = Math.max(...report.summary.map(([label]) => label.length));
  for (const [label, value] of report.summary) console.log(`${`${label}:`.padEnd(width + 2)}${value}`);
  console.log('');
  console.log(renderTable(report.table));
  if (report.notes.length > 0) console.log('');
  for (const note of report.notes) console.log(`  ${note}`);
  const path = await writeResult(context.repoRoot, benchmark.name, benchmark.title, report, {
    quick: context.quick,
    startedAt,
    durationMs,
    machine,
  });
  console.log(`(${(durationMs / 1000).toFixed(1)} s, load average ${currentLoad().toFixed(2)}; ${relative(context.repoRoot, path)})`);
  return true;
}

runCli(parseArgs, main, USAGE);
