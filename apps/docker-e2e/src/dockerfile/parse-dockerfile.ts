/** One instruction of a Dockerfile, as Docker reads it. */
export interface Instruction {
  /** Upper-case keyword: `RUN`, `COPY`, … */
  readonly keyword: string;
  /** Leading `--name=value` flags (`COPY --from=build`, `HEALTHCHECK --interval=10s`). */
  readonly flags: Readonly<Record<string, string>>;
  /** The rest of the instruction, continuation lines joined. */
  readonly args: string;
  /** Line of the keyword, from 1. */
  readonly line: number;
  /** The instruction as written, continuations joined: what Docker's build cache keys on. */
  readonly text: string;
}

/** A build stage: `FROM base [AS name]` and the instructions after it. */
export interface Stage {
  readonly base: string;
  readonly name: string | undefined;
  readonly instructions: readonly Instruction[];
}

const FLAGGED = new Set(['FROM', 'COPY', 'ADD', 'RUN', 'HEALTHCHECK']);

/**
 * Splits a Dockerfile into stages and instructions: comments and parser directives dropped, lines
 * ending in `\` joined with the next (comment lines inside a continuation skipped, as Docker does).
 */
export function parseDockerfile(text: string): Stage[] {
  const stages: { base: string; name: string | undefined; instructions: Instruction[] }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i].trim();
    if (first === '' || first.startsWith('#')) continue;
    const start = i;
    let joined = lines[i].replace(/\s+$/, '');
    while (joined.endsWith('\\') && i + 1 < lines.length) {
      joined = joined.slice(0, -1).replace(/\s+$/, '');
      i++;
      while (i < lines.length && lines[i].trim().startsWith('#')) i++;
      joined += ' ' + (lines[i] ?? '').trim();
      joined = joined.replace(/\s+$/, '');
    }
    const match = /^\s*(\S+)\s*(.*)$/s.exec(joined);
    if (!match) continue;
    const keyword = match[1].toUpperCase();
    let rest = match[2].trim();
    const flags: Record<string, string> = {};
    if (FLAGGED.has(keyword)) {
      for (;;) {
        const flag = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest);
        if (!flag) break;
        flags[flag[1]] = flag[2] ?? 'true';
        rest = rest.slice(flag[0].length);
      }
    }
    const instruction: Instruction = { keyword, flags, args: rest, line: start + 1, text: joined.trim().replace(/\s+/g, ' ') };
    if (keyword === 'FROM') {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest);
      if (!from) throw new Error(`line ${start + 1}: cannot read FROM ${rest}`);
      stages.push({ base: from[1], name: from[2], instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`line ${start + 1}: ${keyword} before the first FROM`);
      stage.instructions.push(instruction);
    }
  }
  if (stages.length === 0) throw new Error('No FROM in the Dockerfile');
  return stages;
}

/** The JSON (exec) form of CMD, ENTRYPOINT, RUN or HEALTHCHECK CMD; an error for the shell form. */
export function execForm(args: string, line: number): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(args);
  } catch {
    throw new Error(`line ${line}: expected the exec form ["executable", "arg", …], got ${args}`);
  }
  if (!Array.isArray(parsed) || parsed.some((part) => typeof part !== 'string')) {
    throw new Error(`line ${line}: expected an array of strings, got ${args}`);
  }
  return parsed as string[];
}

/**
 * `ENV` and `LABEL` pairs: `key=value` with double-quoted values allowed (and `\` escapes inside
 * them), or the legacy `ENV key value`.
 */
export function keyValuePairs(args: string, line: number): [string, string][] {
  if (!/^[^\s=]+=/.test(args)) {
    const legacy = /^(\S+)\s+(.*)$/.exec(args);
    if (!legacy) throw new Error(`line ${line}: cannot read ${args}`);
    return [[legacy[1], legacy[2]]];
  }
  const pairs: [string, string][] = [];
  const pattern = /([^\s=]+)=(?:"((?:[^"\\]|\\.)*)"|(\S*))\s*/gy;
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = pattern.exec(args)) !== null) {
    pairs.push([match[1], match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '')]);
    end = pattern.lastIndex;
  }
  if (end !== args.length) throw new Error(`line ${line}: cannot read ${args.slice(end)}`);
  return pairs;
}
