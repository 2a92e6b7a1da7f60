import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs, USAGE, type BenchArgs } from './args';
import { describeGit, gitState, type GitState } from './git-state';
import { currentLoad, describeMachine, format, machineInfo, renderTable, runCli, TRACE_CREDIT } from '@quire/bench-support';
import { summarize, type RunRecord } from './report/aggregate';
import { headlineTable } from './report/headline';
import { LEGEND, scenarioTable } from './report/render';
import { writeResults, type RunInfo } from './report/write-results';
import type { RunResult } from './results';
import { runInGenerator } from './runner/generator-process';
import { planRuns, type PlannedRun } from './runner/plan';
import { ServerProcess } from './runner/server-process';
import { choosePinning, type Pinning } from './runner/spawn-pinned';
import { GENERATOR_CPU_LIMIT, GENERATOR_LAG_P99_LIMIT_MS } from './load/self-monitor';
import { ensurePeerServers } from './peer-servers';
import { PEERS, SERVER_KINDS } from './server-kinds';
import { prepareTraceUpdates } from './trace-updates';

// apps/bench-peers/dist/main.js: the project is one level up, the repository three.
const PROJECT_ROOT = resolve(__dirname, '..');
const REPO_ROOT = resolve(__dirname, '../../..');

async function main(args: BenchArgs): Promise<number> {
  if (args.from !== undefined) return rerender(args.from, args.out);
  const runs = planRuns(args.only, args.servers, args.rounds);
  const complete = !args.quick && args.only.length === 0 && args.servers.length === 4;
  const out = resolve(args.out ?? resolve(PROJECT_ROOT, 'results', complete ? '.' : 'partial'));
  const missing = missingPrerequisite(args.servers.includes('quire'));
  if (missing) throw new Error(missing);
  if (args.servers.some((server) => PEERS.includes(server))) ensurePeerServers((line) => console.log(line));

  const machine = machineInfo();
  const pinning = choosePinning(args.pin);
  const generatorBounds = `a run is invalid when the generator uses over ${GENERATOR_CPU_LIMIT * 100}% of a core or its event-loop p99 passes ${GENERATOR_LAG_P99_LIMIT_MS} ms`;
  const git = gitState(REPO_ROOT);
  const startedAt = new Date();
  const started = performance.now();
  console.log(`Quire against its peers${args.quick ? ' (--quick: a smoke run, rough numbers)' : ''}`);
  console.log(`machine:  ${describeMachine(machine)}; load average ${machine.loadAverage.toFixed(2)}`);
  console.log(`code:     ${describeGit(git)}`);
  console.log(`pinning:  ${pinning.description}`);
  console.log(`rounds:   ${args.rounds}, servers in turn: ${args.servers.map((server) => SERVER_KINDS[server].label).join(', ')}`);
  for (const server of args.servers) console.log(`  ${SERVER_KINDS[server].label}: ${SERVER_KINDS[server].configuration}`);
  console.log(`validity: ${generatorBounds}`);

  const traceStarted = performance.now();
  const traceCache = prepareTraceUpdates();
  console.log(`trace:    ${relative(REPO_ROOT, traceCache) || traceCache} (${((performance.now() - traceStarted) / 1000).toFixed(1)} s); ${TRACE_CREDIT}`);

  const records: RunRecord[] = [];
  for (const [index, run] of runs.entries()) {
    records.push(await runOne(run, `${index + 1}/${runs.length}`, args.quick, traceCache, pinning));
  }

  const info: RunInfo = {
    startedAt,
    durationMs: performance.now() - started,
    machine,
    loadAverageAfter: currentLoad(),
    options: { quick: args.quick, rounds: args.rounds, only: args.only, servers: args.servers },
    pinning: pinning.description,
    generatorBounds,
    git,
  };
  report(info, records, out);
  const errors = records.filter((record) => record.error !== undefined).length;
  if (errors > 0) console.error(`${errors} run(s) FAILED`);
  return errors > 0 ? 1 : 0;
}

/** Prints the tables and writes results.md, results.json and the charts. */
function report(info: RunInfo, records: readonly RunRecord[], out: string): void {
  const servers = info.options.servers;
  const summaries = summarize(records, servers);
  for (const summary of summaries) {
    console.log(`\n=== ${summary.info.number}. ${summary.info.title}\n`);
    console.log(renderTable(scenarioTable(summary, servers)));
    for (const note of summary.notes) console.log(`  ${note}`);
    for (const problem of summary.problems) console.log(`  PROBLEM ${problem}`);
    for (const invalid of summary.invalidRuns) console.log(`  invalid: ${invalid}`);
  }
  console.log('\n=== Headline figures\n');
  console.log(renderTable(headlineTable(summaries)));
  console.log('');
  for (const line of LEGEND) console.log(line);
  const written = writeResults(out, info, summaries, records);
  console.log(`\n${format.duration(info.durationMs)}; wrote ${written.length} files to ${relative(REPO_ROOT, out)}/ (results.md, results.json, charts)`);
}

/** `--from`: the tables and charts of an earlier run again, from the runs its JSON recorded. */
function rerender(path: string, out: string | undefined): number {
  const saved = JSON.parse(readFileSync(path, 'utf8')) as Omit<RunInfo, 'startedAt' | 'git'> & { startedAt: string; git: GitState | null; runs: RunRecord[] };
  report({ ...saved, git: saved.git ?? undefined, startedAt: new Date(saved.startedAt) }, saved.runs, resolve(out ?? dirname(resolve(path))));
  return 0;
}

/** One scenario against one fresh server, driven by one fresh generator. */
async function runOne(run: PlannedRun, position: string, quick: boolean, traceCache: string, pinning: Pinning): Promise<RunRecord> {
  const kind = SERVER_KINDS[run.server];
  const prefix = `[${position}] round ${run.round} ${run.scenario.name} ${kind.label}`;
  const started = performance.now();
  let server: ServerProcess | undefined;
  try {
    server = await ServerProcess.start(kind, pinning.serverCore);
    const result: RunResult = await runInGenerator(
      { scenario: run.scenario.name, quick, target: server.target, traceCache },
      server,
      pinning.generatorCore,
      (text) => console.log(`${prefix}: ${text}`),
    );
    const durationMs = performance.now() - started;
    console.log(`${prefix}: done in ${(durationMs / 1000).toFixed(1)} s${result.steps.some((step) => !step.health.valid) ? ' (some steps invalid: generator past its bounds)' : ''}`);
    return { round: run.round, scenario: run.scenario.name, server: run.server, durationMs, result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${prefix}: FAILED: ${message}${server && !server.running ? `\n${server.output()}` : ''}`);
    return { round: run.round, scenario: run.scenario.name, server: run.server, durationMs: performance.now() - started, error: message };
  } finally {
    await server?.stop();
  }
}

function missingPrerequisite(quire: boolean): string | undefined {
  if (!existsSync('/proc/self/stat')) return 'server CPU and memory are read from /proc: Linux only';
  const main = SERVER_KINDS.quire.script();
  if (quire && !existsSync(main)) return `Quire is not built (${main}); run npx nx run server:build first`;
  return undefined;
}

runCli(parseArgs, main, USAGE);
