#!/usr/bin/env node
// `nx run scripts:readme-exports` (part of `npm test`): every library's README lists exactly what
// its entry points export, in the format lib/readme-api.mjs describes. Without arguments it
// checks every libs/*; `node scripts/readme-exports.mjs libs/bus` checks one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryPoints, moduleExports } from './lib/module-exports.mjs';
import { compareExports, readmeApi } from './lib/readme-api.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const libraries = (process.argv.length > 2 ? process.argv.slice(2) : readdirSync(path.join(root, 'libs')).map((name) => `libs/${name}`))
  .map((dir) => path.resolve(root, dir))
  .filter((dir) => existsSync(path.join(dir, 'package.json')));

const planned = libraries.map((dir) => ({ dir, entries: entryPoints(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')), dir) }));
const { exports, problems: codeProblems } = moduleExports(planned.flatMap(({ entries }) => [...entries.values()]));
const problems = [...codeProblems.map((problem) => path.relative(root, problem))];

for (const { dir, entries } of planned) {
  const readme = path.join(dir, 'README.md');
  const where = path.relative(root, readme);
  if (!existsSync(readme)) {
    problems.push(`${where}: missing (every library has one, with its public API)`);
    continue;
  }
  const listed = readmeApi(readFileSync(readme, 'utf8'));
  problems.push(...listed.problems.map((problem) => `${where}: ${problem}`));
  for (const [entry, file] of entries) {
    const names = listed.entries.get(entry);
    if (names === undefined) {
      problems.push(`${where}: no "### \`${entry}\`" under "## Public API" (${path.relative(root, file)} exports ${[...(exports.get(file) ?? [])].join(', ') || 'nothing'})`);
      continue;
    }
    const { unlisted, notExported } = compareExports(names, exports.get(file) ?? new Set());
    if (unlisted.length > 0) problems.push(`${where}: ${entry} exports ${unlisted.map((name) => `\`${name}\``).join(', ')}, not listed`);
    if (notExported.length > 0) problems.push(`${where}: ${entry} lists ${notExported.map((name) => `\`${name}\``).join(', ')}, not exported by ${path.relative(root, file)}`);
  }
  for (const entry of listed.entries.keys()) {
    if (!entries.has(entry)) problems.push(`${where}: lists ${entry}, which package.json's exports do not have`);
  }
}

if (problems.length > 0) {
  console.error(`READMEs and index.ts disagree:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log(`The READMEs of ${planned.length} libraries list exactly what their entry points export.`);
