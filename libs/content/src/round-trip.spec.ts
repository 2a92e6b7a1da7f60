import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromMarkdown, toMarkdown } from './markdown';

const FIXTURES = join(__dirname, 'fixtures');
const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.md'));

describe('Markdown → Quire → Markdown', () => {
  it('has README-style fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(2);
  });

  for (const name of fixtures) {
    it(`gives back ${name} unchanged`, () => {
      const source = readFileSync(join(FIXTURES, name), 'utf8');
      const { doc, changes } = fromMarkdown(source);
      doc.check();
      expect(changes).toEqual([]);
      expect(`${toMarkdown(doc)}\n`).toBe(source);
    });
  }
});
