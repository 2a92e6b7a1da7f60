/**
 * Runs a benchmark as the whole process: parses the command line with `parse`, prints `usage` for
 * `--help`, and otherwise runs `main`, whose result is the exit code. An error (a bad argument, a
 * missing build) prints its message and `usage` and exits with 2.
 */
export function runCli<Args extends { readonly help: boolean }>(parse: (argv: readonly string[]) => Args, main: (args: Args) => Promise<number>, usage: string): void {
  const run = async (): Promise<number> => {
    const args = parse(process.argv.slice(2));
    if (!args.help) return main(args);
    console.log(usage);
    return 0;
  };
  run().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      console.error(usage);
      process.exitCode = 2;
    },
  );
}
