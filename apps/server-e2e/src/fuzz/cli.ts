import { parseArgs } from 'node:util';
import { accountFromToken } from '../access';
import { buildCorpus } from './corpus';
import { replayFrame } from './fuzz-lanes';
import { DEFAULT_MAX_BLOCK_MS, runFuzz, type FuzzOptions, type FuzzReport } from './fuzz-run';
import { isRunning, startFuzzServer } from './fuzz-server';

const USAGE = `Usage: npm run fuzz -- [--frames N] [--seed S] [--connections C] [--url http://host:port --token qt_…] [--only i,j] [--log-level L]
  --frames       hostile frames to send (default 20000)
  --seed         seed of the frame generator (default: random, printed)
  --connections  sockets sending at once (default 8)
  --url          fuzz a running server instead of starting apps/server/dist/main.js
  --token        with --url: an API token (qt_…) of an account there; the run creates its documents with it
  --pid          with --url: the server's process id, to tell its blocks from a busy machine (Linux)
  --only         send only these frame indexes of the seed's run, to replay a failure
  --max-block-ms a longer block of the server's event loop fails the run (default 100)
  --fail-fast    stop at the first frame that blocks longer (needs the server's pid)
  --log-level    LOG_LEVEL of the server this starts (default error)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      frames: { type: 'string', default: '20000' },
      seed: { type: 'string' },
      connections: { type: 'string', default: '8' },
      url: { type: 'string' },
      token: { type: 'string' },
      pid: { type: 'string' },
      only: { type: 'string' },
      'max-block-ms': { type: 'string' },
      'fail-fast': { type: 'boolean', default: false },
      'log-level': { type: 'string', default: 'error' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const frames = wholeNumber('--frames', values.frames);
  const connections = wholeNumber('--connections', values.connections);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 1_000_000) : wholeNumber('--seed', values.seed);
  const only = values.only?.split(',').map((index) => wholeNumber('--only', index.trim()));

  const maxBlockMs = values['max-block-ms'] === undefined ? DEFAULT_MAX_BLOCK_MS : wholeNumber('--max-block-ms', values['max-block-ms']);
  if (values.url !== undefined && values.token === undefined) {
    throw new Error('--url needs --token: an API token (qt_…) made on that server\'s account page, to create and open documents');
  }
  const own = values.url === undefined ? await startFuzzServer(values['log-level']) : undefined;
  const serverPid = own ? own.server.child.pid : values.pid === undefined ? undefined : wholeNumber('--pid', values.pid);
  const httpUrl = own ? own.server.httpUrl : (values.url as string).replace(/\/$/, '');
  const wsUrl = `${httpUrl.replace(/^http/, 'ws')}/collab`;
  const account = own ? own.account : await accountFromToken({ httpUrl, wsUrl }, values.token as string);
  process.stdout.write(
    `Quire fuzz: seed ${seed}, ${only ? `frames ${only.join(',')}` : `${frames} frames`} over ${connections} connections ` +
      `against ${httpUrl}${own ? ' (a server started for the run)' : ''}\n`,
  );
  try {
    const report = await runFuzz({
      httpUrl,
      account,
      frames,
      seed,
      connections,
      only,
      failFast: values['fail-fast'],
      maxBlockMs,
      serverRunning: own ? () => isRunning(own.server) : undefined,
      serverPid,
      // Progress only on a terminal, on one line it then clears.
      onProgress: process.stderr.isTTY ? (sent) => process.stderr.write(`  ${sent} frames sent\r`) : undefined,
    });
    if (process.stderr.isTTY) process.stderr.write('\x1b[K');
    process.stdout.write(formatReport(report));
    if (report.framesOverLimit.length > 0) await findCulprits(report, { httpUrl, account, seed, frames, serverPid, maxBlockMs });
    if (own && !isRunning(own.server)) process.stdout.write(`\nServer output:\n${own.server.output()}\n`);
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await own?.stop();
  }
}

/**
 * Replays alone each frame that was in flight during a block, and names those that block by
 * themselves, with the line that makes one a regression test.
 */
async function findCulprits(report: FuzzReport, options: FuzzOptions & { maxBlockMs: number }): Promise<void> {
  const corpus = buildCorpus(options.seed);
  process.stdout.write(`\nReplaying alone the ${report.framesOverLimit.length} frames in flight during blocks:\n`);
  let culprits = 0;
  for (const index of report.framesOverLimit) {
    const replay = await replayFrame(options, corpus, index);
    if (replay.blockMs <= options.maxBlockMs) continue;
    culprits++;
    process.stdout.write(
      `  #${index} ${replay.frame.kind} blocks the server for ${Math.round(replay.blockMs)} ms by itself ` +
        `(regression: { seed: ${options.seed}, only: [${index}], found: '…' } in src/fuzz/fuzz.spec.ts)\n`,
    );
  }
  if (culprits === 0) process.stdout.write('  none blocks by itself: the blocks came from several frames together, or from elsewhere\n');
}

function formatReport(report: FuzzReport): string {
  const seconds = report.durationMs / 1000;
  const counts = (record: Record<string, number> | undefined) =>
    record === undefined ? 'unknown (no /metrics)' : Object.entries(record).sort((a, b) => b[1] - a[1]).map(([key, n]) => `${key} × ${n}`).join(', ') || 'none';
  const lines = [
    `frames sent         ${report.framesSent} in ${seconds.toFixed(1)} s (${Math.round(report.framesSent / seconds)}/s) over ${report.connectionsOpened} connections`,
    `closes by code      ${counts(report.closesByCode)}`,
    `upgrades refused    ${counts(report.upgradeRefusals)}`,
    `rejected by reason  ${counts(report.rejectedByReason)}`,
    `longest block       ${Math.round(report.longestBlockMs)} ms ` +
      (report.health.longestBlockMs === undefined
        ? '(longest /health/live round trip: give --pid to discount a busy machine)'
        : '(server main-thread CPU within a /health/live round trip or a frame; 10 ms resolution)'),
    `health round trips  longest ${report.health.longestRoundTripMs.toFixed(1)} ms; ${report.health.over50Ms} of ${report.health.probes} over 50 ms, ${report.health.failures} failed`,
    `costliest frames    ${report.slowest.map((frame) => `#${frame.index} ${frame.kind} ${frame.blockMs.toFixed(0)} ms (${frame.outcome})`).join(', ')}`,
    '                    (frames in flight together share a block: replay one alone with --only to tell)',
    `timeouts            ${report.timeouts}`,
    `crashes             ${report.crashes}`,
    `canaries            ${report.canaries.filter((canary) => !canary.difference).length} of ${report.canaries.length} identical`,
    `stock clients       ${report.stockClientsSync ? 'sync' : 'DO NOT SYNC'}; bystanders lost the server ${report.bystanderDisconnects} times`,
    '',
    'kind                  sent    kept  closes',
    ...Object.entries(report.byKind)
      .sort((a, b) => b[1].sent - a[1].sent)
      .map(([kind, stats]) => `${kind.padEnd(20)} ${String(stats.sent).padStart(5)} ${String(stats.kept).padStart(7)}  ${counts(stats.closed)}`),
    '',
    report.problems.length === 0 ? 'problems            none' : `PROBLEMS\n${report.problems.map((problem) => `  - ${problem}`).join('\n')}`,
    `replay frames:      npm run fuzz -- --seed ${report.seed} --only <index>[,<index>…]`,
  ];
  return `${lines.join('\n')}\n`;
}

function wholeNumber(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) throw new Error(`${flag} expects a whole number, got ${value}`);
  return number;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`fuzz failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(2);
  },
);
