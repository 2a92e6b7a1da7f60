/** What the command line asked for. */
export interface BenchArgs {
  /** A short run: fewer iterations, for checking that everything works rather than for numbers. */
  readonly quick: boolean;
  /** Run only the benchmark of this name. */
  readonly only: string | undefined;
  readonly help: boolean;
}

export const USAGE = `Usage: npm run bench [-- [--quick] [--only <name>]]

  --quick          a short run (fewer iterations)
  --only <name>    run one benchmark: store-throughput, relay-latency, write-amplification, trace-load
  --help           this text`;

/**
 * Parses the arguments. Nx forwards them to the command in either spelling (`--only x` or
 * `--only=x`, and `--quick` possibly as `--quick=true`), so both are accepted.
 */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let quick = false;
  let only: string | undefined;
  let help = false;
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = splitFlag(argv[index]);
    switch (flag) {
      case '--quick':
        quick = inline === undefined || inline === 'true';
        break;
      case '--only': {
        const value = inline ?? argv[++index];
        if (value === undefined || value === '') throw new Error('--only needs a benchmark name');
        only = value;
        break;
      }
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new Error(`Unknown argument ${JSON.stringify(argv[index])}`);
    }
  }
  return { quick, only, help };
}

function splitFlag(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=');
  return equals === -1 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)];
}
