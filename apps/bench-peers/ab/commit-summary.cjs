// Summarizes the files ab/log-writer.cjs wrote: per server run, commits, appends per commit, and
// the p50 / p99 / sum of commit latency and event-loop time blocked, in ms.
// Usage: node apps/bench-peers/ab/commit-summary.cjs <dir>
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.argv[2];
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
  const { inline, commits } = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  if (commits.length === 0) continue;
  const ms = (index) => commits.map((commit) => commit[index] * 1000).sort((a, b) => a - b);
  const latency = ms(1);
  const blocked = ms(2);
  const appends = commits.reduce((sum, commit) => sum + commit[0], 0);
  const sum = (values) => values.reduce((total, value) => total + value, 0);
  console.log(
    `${file} ${inline ? 'inline' : 'thread'}: ${commits.length} commits, ${(appends / commits.length).toFixed(2)} appends/commit; ` +
      `commit p50 ${quantile(latency, 0.5).toFixed(3)} p99 ${quantile(latency, 0.99).toFixed(3)} ms; ` +
      `blocked p50 ${quantile(blocked, 0.5).toFixed(3)} p99 ${quantile(blocked, 0.99).toFixed(3)} ms, total ${sum(blocked).toFixed(0)} ms`,
  );
}
