import { readFlags } from '@quire/bench-support';
import { SCENARIOS } from './scenario-catalog';
import { SERVER_NAMES, type ServerName } from './server-kinds';

/** What the command line asked for. */
export interface BenchArgs {
  /** A short smoke run: smaller scenarios, one round; numbers are rough. */
  readonly quick: boolean;
  /** Scenarios to run, by name; all when empty. */
  readonly only: readonly string[];
  readonly servers: readonly ServerName[];
  readonly rounds: number;
  /** Keep server and generator on separate cores with taskset (the default). */
  readonly pin: boolean;
  /** Re-render the tables and charts of an earlier run from its results.json instead of measuring. */
  readonly from: string | undefined;
  /** Where results go; by default `results/` for a full run, `results/partial/` otherwise. */
  readonly out: string | undefined;
  readonly help: boolean;
}

export const USAGE = `Usage: npm run bench -- [--quick] [--only <scenario>[,<scenario>…]] [--rounds <n>] [--servers <name>,…] [--out <dir>]

  --quick            a short smoke run: smaller scenarios, 1 round (rough numbers)
  --only <names>     run only these scenarios: ${SCENARIOS.map((scenario) => scenario.name).join(', ')}
  --rounds <n>       rounds of A B C D alternation (default 3; 1 with --quick)
  --servers <names>  a subset of ${SERVER_NAMES.join(', ')}
  --no-pin           do not pin the server and the generator to separate cores
  --from <json>      re-render tables and charts from an earlier run's results.json (no measuring)
  --out <dir>        where to write results (default apps/bench-peers/results for a full run,
                     apps/bench-peers/results/partial otherwise)
  --help             this text

The root \`npm run bench\` runs Quire's own benchmarks and then these; \`npm run bench -- --only <x>\`
reaches both suites (each runs the names it knows), see apps/bench-peers/README.md.`;

/** Parses the arguments (either spelling Nx forwards: `readFlags`). */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let quick = false;
  let only: string[] = [];
  let servers: ServerName[] = [...SERVER_NAMES];
  let rounds: number | undefined;
  let out: string | undefined;
  let from: string | undefined;
  let pin = true;
  const { help } = readFlags(argv, (flag, read) => {
    switch (flag) {
      case '--quick':
        quick = read.enabled();
        return true;
      case '--only':
        only = read.value().split(',').map((name) => name.trim()).filter(Boolean);
        return true;
      case '--rounds':
        rounds = Number(read.value());
        if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds needs a whole number of at least 1');
        return true;
      case '--servers':
        servers = read.value().split(',').map((name) => parseServer(name.trim()));
        return true;
      case '--out':
        out = read.value();
        return true;
      case '--from':
        from = read.value();
        return true;
      case '--no-pin':
        pin = false;
        return true;
      default:
        return false;
    }
  });
  return { quick, only, servers, rounds: rounds ?? (quick ? 1 : 3), out, from, help, pin };
}

function parseServer(name: string): ServerName {
  const found = SERVER_NAMES.find((server) => server === name);
  if (found === undefined) throw new Error(`Unknown server ${JSON.stringify(name)}; one of ${SERVER_NAMES.join(', ')}`);
  return found;
}
