#!/usr/bin/env node
// Shares of a V8 CPU profile's busy time (QUIRE_BENCH_SERVER_PROFILE writes one per server
// process) spent under frames that match each pattern, inclusive of what they call. A sample
// counts for a pattern when any frame of its stack matches (a function name, or `file:` then part
// of the script's URL); "(idle)" samples are left out, and with `--after <pattern>` so is
// everything before the first sample that matches it (start-up, before the load began).
//
//   node apps/bench-peers/ab/profile-shares.cjs <file.cpuprofile> [--after Outbox.flush] <pattern>...
//
// Example: what the search index costs while people type, against the whole of the server's work:
//   node apps/bench-peers/ab/profile-shares.cjs /tmp/fo-prof/CPU.*.cpuprofile --after flush \
//     file:search-indexer SqliteUpdateLog.flush Outbox.flush
'use strict';
const { readFileSync } = require('node:fs');

const args = process.argv.slice(2);
const file = args.shift();
let after;
const patterns = [];
while (args.length > 0) {
  const arg = args.shift();
  if (arg === '--after') after = args.shift();
  else patterns.push(arg);
}
if (!file || patterns.length === 0) {
  console.error('Usage: profile-shares.cjs <file.cpuprofile> [--after <pattern>] <pattern>...');
  process.exit(2);
}

const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const matches = (frame, pattern) => {
  if (pattern.startsWith('file:')) return frame.url.includes(pattern.slice(5));
  const [owner, name] = pattern.includes('.') ? pattern.split('.') : [undefined, pattern];
  // V8 names a method "name" (or "Class.name" for some): match either form.
  return frame.functionName === pattern || (owner !== undefined && frame.functionName === name);
};
/** Whether the stack ending at `id` has a frame matching `pattern` (memoized per node). */
const memo = new Map();
function under(id, pattern) {
  const key = `${id}\u0000${pattern}`;
  if (memo.has(key)) return memo.get(key);
  const node = nodes.get(id);
  let found = matches(node.callFrame, pattern);
  if (!found && parent.has(id)) found = under(parent.get(id), pattern);
  memo.set(key, found);
  return found;
}

const { samples, timeDeltas } = profile;
let started = after === undefined;
let busy = 0;
const totals = new Map(patterns.map((pattern) => [pattern, 0]));
for (let i = 0; i < samples.length; i++) {
  const id = samples[i];
  // A sample's time is the delta to the next one.
  const micros = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0;
  if (!started) {
    if (!under(id, after)) continue;
    started = true;
  }
  if (nodes.get(id).callFrame.functionName === '(idle)') continue;
  busy += micros;
  for (const pattern of patterns) if (under(id, pattern)) totals.set(pattern, totals.get(pattern) + micros);
}
console.log(`busy ${(busy / 1000).toFixed(0)} ms${after ? ` from the first "${after}"` : ''}`);
for (const [pattern, micros] of totals) {
  console.log(`${((100 * micros) / Math.max(1, busy)).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${pattern}`);
}
