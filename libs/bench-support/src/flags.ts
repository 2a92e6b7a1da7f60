/** The value written with a flag, read as the flag needs it. */
export interface FlagValue {
  /** The value after `=` or the next argument; throws when there is none. */
  value(): string;
  /** A switch: on, unless written `--flag=false` (Nx may forward `--quick` as `--quick=true`). */
  enabled(): boolean;
}

/**
 * Walks `argv` as flags, in either spelling Nx forwards them (`--only x` or `--only=x`). `onFlag`
 * handles the flags it knows and returns false for any other; `--help` and `-h` are handled here.
 * Throws on an argument nobody knows.
 */
export function readFlags(argv: readonly string[], onFlag: (flag: string, read: FlagValue) => boolean): { help: boolean } {
  let help = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const equals = arg.indexOf('=');
    const flag = equals === -1 ? arg : arg.slice(0, equals);
    const inline = equals === -1 ? undefined : arg.slice(equals + 1);
    const read: FlagValue = {
      value: () => {
        const value = inline ?? argv[++index];
        if (value === undefined || value === '') throw new Error(`${flag} needs a value`);
        return value;
      },
      enabled: () => inline === undefined || inline === 'true',
    };
    if (flag === '--help' || flag === '-h') help = true;
    else if (!onFlag(flag, read)) throw new Error(`Unknown argument ${JSON.stringify(arg)}`);
  }
  return { help };
}
