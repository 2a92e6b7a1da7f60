// `npm run bench`: Quire's own benchmarks (apps/bench), then Quire against its peers (this
// project), one after the other: run together they would measure each other. Arguments go to
// the suite that knows them: `--only <names>` is split by which suite has each name, `--quick`
// goes to both, this project's own options (--rounds, --servers, --out, --no-pin) only here.
import { spawnSync } from 'node:child_process';
import { SCENARIOS } from './scenario-catalog';

const OWN_OPTIONS = ['--rounds', '--servers', '--out'];
const OWN_FLAGS = ['--no-pin'];

interface Split {
  readonly bench: string[][];
  readonly peers: string[] | undefined;
}

/** Which suite runs with which arguments: apps/bench once per name it gets (it takes one). */
function split(argv: readonly string[]): Split {
  const common: string[] = [];
  const own: string[] = [];
  let only: string[] | undefined;
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = argv[index].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++index] ?? '';
    if (flag === '--only') only = value().split(',').map((name) => name.trim()).filter(Boolean);
    else if (OWN_OPTIONS.includes(flag)) own.push(`${flag}=${value()}`);
    else if (OWN_FLAGS.includes(flag)) own.push(flag);
    else common.push(argv[index]);
  }
  if (only === undefined) return { bench: [common], peers: [...common, ...own] };
  const ours = only.filter((name) => SCENARIOS.some((scenario) => scenario.name === name));
  const theirs = only.filter((name) => !ours.includes(name));
  return {
    bench: theirs.map((name) => [...common, `--only=${name}`]),
    peers: ours.length > 0 ? [...common, ...own, `--only=${ours.join(',')}`] : undefined,
  };
}

function run(project: string, args: readonly string[]): number {
  console.log(`\n>>> nx run ${project}:run ${args.join(' ')}\n`);
  const result = spawnSync('npx', ['nx', 'run', `${project}:run`, '--outputStyle=static', '--', ...args], { stdio: 'inherit' });
  return result.status ?? 1;
}

const { bench, peers } = split(process.argv.slice(2));
let failed = 0;
for (const args of bench) if (run('bench', args) !== 0) failed += 1;
if (peers !== undefined && run('bench-peers', peers) !== 0) failed += 1;
process.exitCode = failed > 0 ? 1 : 0;
