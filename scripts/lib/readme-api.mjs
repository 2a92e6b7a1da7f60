// Reads the public API a library's README lists. The format, the same in every libs/*/README.md:
//
//   ## Public API
//   ### `@quire/name`            one heading per entry point of package.json's `exports`
//   | export | what it is |
//   | --- | --- |
//   | `a`, `b` | … |            first column: exactly the exported names, each in backticks
//
// An entry point may have several such tables (grouped by topic) and prose around them; only
// the first column of tables headed `export` counts.

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `{ entries: Map<entry point, Set<name>>, problems: string[] }` for the README's text. */
export function readmeApi(text) {
  const entries = new Map();
  const problems = [];
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^##\s+Public API\s*$/.test(line));
  if (start === -1) return { entries, problems: ['no "## Public API" section'] };
  let entry;
  let inTable = false;
  let inFence = false;
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index];
    if (/^```/.test(line)) inFence = !inFence;
    if (inFence) continue;
    if (/^##\s/.test(line)) break;
    const heading = /^###\s+(.*)$/.exec(line);
    if (heading) {
      const name = /^`([^`]+)`$/.exec(heading[1].trim());
      entry = name ? name[1] : undefined;
      if (!name) problems.push(`line ${index + 1}: "${line}" is not an entry point heading (### \`@quire/…\`)`);
      else if (entries.has(entry)) problems.push(`line ${index + 1}: ${entry} has two headings`);
      else entries.set(entry, new Set());
      inTable = false;
      continue;
    }
    if (!line.startsWith('|')) {
      inTable = false;
      continue;
    }
    const first = line.split(/(?<!\\)\|/)[1]?.trim() ?? '';
    if (!inTable) {
      inTable = first === 'export';
      continue;
    }
    if (/^:?-+:?$/.test(first)) continue;
    if (entry === undefined) {
      problems.push(`line ${index + 1}: an export listed before any entry point heading`);
      continue;
    }
    const names = [...first.matchAll(/`([^`]*)`/g)].map((match) => match[1]);
    const rest = first.replace(/`[^`]*`/g, '').replace(/[,\s]/g, '');
    for (const name of names) {
      if (!IDENTIFIER.test(name)) problems.push(`line ${index + 1}: \`${name}\` is not a name (the first column lists names only)`);
      else entries.get(entry).add(name);
    }
    if (rest !== '' || names.length === 0) problems.push(`line ${index + 1}: the first column holds something other than names in backticks: ${first}`);
  }
  return { entries, problems };
}

/** What differs between the names a README lists and the names the code exports. */
export function compareExports(listed, exported) {
  return {
    unlisted: [...exported].filter((name) => !listed.has(name)).sort(),
    notExported: [...listed].filter((name) => !exported.has(name)).sort(),
  };
}
