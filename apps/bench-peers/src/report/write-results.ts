import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeGit, type GitState } from '../git-state';
import { describeMachine, format, renderMarkdown, TRACE_CREDIT, type MachineInfo } from '@quire/bench-support';
import { SERVER_KINDS, type ServerName } from '../server-kinds';
import type { RunRecord, ScenarioSummary } from './aggregate';
import { fanOutChart, latencyChart, memoryChart } from './charts';
import { headlineTable } from './headline';
import { LEGEND, scenarioTable } from './render';

/** Everything a run knows about itself, for the JSON and the Markdown header. */
export interface RunInfo {
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly machine: MachineInfo;
  readonly loadAverageAfter: number;
  readonly options: { readonly quick: boolean; readonly rounds: number; readonly only: readonly string[]; readonly servers: readonly ServerName[] };
  readonly pinning: string;
  readonly generatorBounds: string;
  /** The code measured (Quire's server is built from the working tree). */
  readonly git?: GitState;
}

/** Latency charts: the steps worth a picture (every fan-out size, the other load scenarios). */
const LATENCY_CHARTS: readonly { scenario: string; steps?: (step: string) => boolean }[] = [
  { scenario: 'fan-out' },
  { scenario: 'many-documents' },
  { scenario: 'awareness-storm' },
  { scenario: 'join', steps: (step) => step !== 'first client' },
  { scenario: 'storm' },
];

/** Writes results.json, results.md and the SVG charts into `directory` (replacing an earlier run's). */
export function writeResults(directory: string, info: RunInfo, summaries: readonly ScenarioSummary[], records: readonly RunRecord[]): string[] {
  mkdirSync(directory, { recursive: true });
  for (const name of readdirSync(directory)) if (name.endsWith('.svg')) rmSync(join(directory, name));
  const written: string[] = [];
  const write = (name: string, content: string) => {
    writeFileSync(join(directory, name), content);
    written.push(name);
  };
  const servers = info.options.servers;
  const caption = `${describeMachine(info.machine)}; ${info.startedAt.toISOString().slice(0, 10)}; ${info.options.rounds} round(s)`;

  const charts: string[] = [];
  for (const { scenario, steps } of LATENCY_CHARTS) {
    const summary = summaries.find((candidate) => candidate.info.name === scenario);
    if (summary === undefined) continue;
    const runs = records.filter((record) => record.scenario === scenario);
    for (const step of summary.steps.map((candidate) => candidate.step).filter(steps ?? (() => true))) {
      const chart = latencyChart(`${summary.info.title.split(':')[0]}, ${step}: latency by percentile`, caption, runs, step, servers);
      if (chart === undefined) continue;
      const name = `latency-${scenario}-${slug(step)}.svg`;
      write(name, chart);
      charts.push(name);
    }
  }
  const idle = summaries.find((summary) => summary.info.name === 'memory-idle');
  const memory = idle && memoryChart(idle, servers, caption);
  if (memory) {
    write('memory-per-connection.svg', memory);
    charts.push('memory-per-connection.svg');
  }
  const fanOutSummary = summaries.find((summary) => summary.info.name === 'fan-out');
  const fanOut = fanOutSummary && fanOutChart(fanOutSummary, servers, caption);
  if (fanOut) {
    write('fan-out-p99.svg', fanOut);
    charts.push('fan-out-p99.svg');
  }

  write('results.md', markdown(info, summaries, charts));
  write('results.json', `${JSON.stringify(json(info, summaries, records), null, 1)}\n`);
  return written;
}

function markdown(info: RunInfo, summaries: readonly ScenarioSummary[], charts: readonly string[]): string {
  const servers = info.options.servers;
  const lines = [
    '# Quire against its peers',
    '',
    `Measured by \`npm run bench\` (apps/bench-peers) on ${info.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC, ` +
      `${info.options.rounds} round(s)${info.options.quick ? ', --quick (a smoke run: rough numbers)' : ''}, ` +
      `${format.duration(info.durationMs)} in all.`,
    '',
    `- **Machine**: ${describeMachine(info.machine)}; load average ${info.machine.loadAverage.toFixed(2)} at the start, ${info.loadAverageAfter.toFixed(2)} at the end (other work shared the machine).`,
    `- **Code**: ${describeGit(info.git)}.`,
    `- **Pinning**: ${info.pinning}.`,
    `- **Generator bounds**: ${info.generatorBounds}.`,
    ...servers.map((server) => `- **${SERVER_KINDS[server].label}**: ${SERVER_KINDS[server].configuration}.`),
    '',
    ...LEGEND.map((line) => `> ${line}`),
    '',
    '## Headline figures',
    '',
    renderMarkdown(headlineTable(summaries)),
    '',
  ];
  for (const summary of summaries) {
    lines.push(`## ${summary.info.number}. ${summary.info.title}`, '', renderMarkdown(scenarioTable(summary, servers)), '');
    for (const note of summary.notes) lines.push(`- ${note}`);
    if (summary.info.trace) lines.push(`- ${TRACE_CREDIT}`);
    for (const problem of summary.problems) lines.push(`- **problem**: ${problem}`);
    for (const invalid of summary.invalidRuns) lines.push(`- *invalid round*: ${invalid}`);
    lines.push('');
  }
  if (charts.length > 0) {
    lines.push('## Charts', '');
    for (const chart of charts) lines.push(`![${chart}](${chart})`, '');
  }
  return `${lines.join('\n')}\n`;
}

function json(info: RunInfo, summaries: readonly ScenarioSummary[], records: readonly RunRecord[]): unknown {
  return {
    startedAt: info.startedAt.toISOString(),
    durationMs: Math.round(info.durationMs),
    machine: info.machine,
    loadAverageAfter: info.loadAverageAfter,
    options: info.options,
    pinning: info.pinning,
    generatorBounds: info.generatorBounds,
    git: info.git ?? null,
    servers: Object.fromEntries(info.options.servers.map((server) => [server, SERVER_KINDS[server].configuration])),
    traceCredit: TRACE_CREDIT,
    scenarios: summaries.map((summary) => ({
      name: summary.info.name,
      title: summary.info.title,
      notes: summary.notes,
      problems: summary.problems,
      invalidRuns: summary.invalidRuns,
      steps: summary.steps.map((step) => ({
        step: step.step,
        figures: Object.fromEntries(
          step.rows.map((row) => [
            row.key,
            { label: row.spec.label, unit: row.spec.unit, better: row.spec.better, quireOverBestPeer: finiteOrNull(row.ratio), bestPeer: row.bestPeer ?? null, servers: row.cells },
          ]),
        ),
      })),
    })),
    runs: records,
  };
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
