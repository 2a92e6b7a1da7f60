import { describe, expect, it } from 'vitest';
import { compareExports, readmeApi } from './readme-api.mjs';

const readme = `# @quire/example

Prose before the API, with \`notAnExport\` in backticks.

## Public API

### \`@quire/example\`

What it is for, with \`prose\` that does not count.

| export | what it is |
| --- | --- |
| \`open\`, \`close\` | the two calls |
| \`Options\` | \`{ path }\`: the second column is prose |

\`\`\`ts
| export | inside a code block, not a table |
\`\`\`

| export | grouped by topic |
| ---: | --- |
| \`LIMIT\` | a constant |

### \`@quire/example/testing\`

| export | what it is |
| --- | --- |
| \`fake\` | a fake |

## Tests

| export | a table after the section |
| --- | --- |
| \`ignored\` | not part of the API |
`;

describe('readmeApi', () => {
  it('reads the names in the first column of the export tables, per entry point', () => {
    const { entries, problems } = readmeApi(readme);
    expect(problems).toEqual([]);
    expect([...entries.keys()]).toEqual(['@quire/example', '@quire/example/testing']);
    expect([...entries.get('@quire/example')]).toEqual(['open', 'close', 'Options', 'LIMIT']);
    expect([...entries.get('@quire/example/testing')]).toEqual(['fake']);
  });

  it('says when the section is missing', () => {
    expect(readmeApi('# x\n\n## API\n').problems).toEqual(['no "## Public API" section']);
  });

  it('refuses a first column with anything but names in backticks', () => {
    const { problems } = readmeApi('## Public API\n### `@quire/x`\n| export | what |\n| --- | --- |\n| `open(path)` | a call |\n| close | no backticks |\n');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/line 5: `open\(path\)` is not a name/);
    expect(problems[1]).toMatch(/line 6: the first column holds something other than names/);
  });

  it('refuses headings that are not entry points, and exports before any heading', () => {
    const { problems } = readmeApi('## Public API\n| export | what |\n| --- | --- |\n| `a` | x |\n### Other things\n');
    expect(problems).toEqual([
      'line 4: an export listed before any entry point heading',
      'line 5: "### Other things" is not an entry point heading (### `@quire/…`)',
    ]);
  });
});

describe('compareExports', () => {
  it('names what the README leaves out and what it lists that the code does not export', () => {
    expect(compareExports(new Set(['a', 'gone']), new Set(['a', 'new', 'also']))).toEqual({ unlisted: ['also', 'new'], notExported: ['gone'] });
    expect(compareExports(new Set(['a']), new Set(['a']))).toEqual({ unlisted: [], notExported: [] });
  });
});
