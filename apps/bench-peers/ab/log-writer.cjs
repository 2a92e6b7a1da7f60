// A/B switch for issue 24 item 3 (the SQLite update log's writer thread), preloaded into every
// process of a benchmark run (NODE_OPTIONS="-r <this file>"); it acts only in Quire's server.
// - QUIRE_BENCH_INLINE_LOG_WRITER=1 puts the commit back on the event loop (the writer before).
// - QUIRE_BENCH_COMMIT_TIMINGS=<dir> writes, when the server exits, every commit's latency and the
//   event-loop time it blocked (what /metrics exports as histograms) to <dir>/<pid>.json.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

if ((process.argv[1] || '').endsWith(join('apps', 'server', 'dist', 'main.js'))) {
  const root = join(__dirname, '..', '..', '..');
  if (process.env.QUIRE_BENCH_INLINE_LOG_WRITER === '1') {
    const { SqliteStorage } = require(join(root, 'libs/storage/dist/sqlite/sqlite-storage.js'));
    SqliteStorage.prototype.writerFile = () => undefined;
  }
  const out = process.env.QUIRE_BENCH_COMMIT_TIMINGS;
  if (out) {
    const { PrometheusMetrics } = require(join(root, 'apps/server/dist/metrics/prometheus-metrics.js'));
    const observe = PrometheusMetrics.prototype.storeCommit;
    const commits = [];
    PrometheusMetrics.prototype.storeCommit = function storeCommit(timing) {
      commits.push([timing.appends, timing.latencySeconds, timing.blockedSeconds]);
      return observe.call(this, timing);
    };
    process.on('exit', () => {
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, `${process.pid}.json`), JSON.stringify({ inline: process.env.QUIRE_BENCH_INLINE_LOG_WRITER === '1', commits }));
    });
  }
}
