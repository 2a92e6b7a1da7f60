import { readFlags } from '@quire/bench-support';

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
  --only <name>    run one benchmark: store-throughput, relay-latency, write-amplification, trace-load,
                   version-history, version-list, cross-instance, idle-server, guest-flood
  --help           this text`;

/** Parses the arguments (either spelling Nx forwards: `readFlags`). */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let quick = false;
  let only: string | undefined;
  const { help } = readFlags(argv, (flag, read) => {
    if (flag === '--quick') quick = read.enabled();
    else if (flag === '--only') only = read.value();
    else return false;
    return true;
  });
  return { quick, only, help };
}
