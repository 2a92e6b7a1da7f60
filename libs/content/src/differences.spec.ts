import { describe, expect, it } from 'vitest';
import { fromMarkdown, toMarkdown } from './markdown';

const again = (source: string) => toMarkdown(fromMarkdown(source).doc);

/** What Markdown → Quire → Markdown writes differently, each on purpose (libs/content README, "Round trip"). */
describe('Markdown written differently after a round trip', () => {
  it.each([
    ['* star bullets', '- star bullets'],
    ['+ plus bullets', '- plus bullets'],
    ['_underscore emphasis_ and __strong__', '*underscore emphasis* and **strong**'],
    ['Setext\n======', '# Setext'],
    ['##### Five', '#### Five'],
    ['one line\nwrapped', 'one line wrapped'],
    ['<https://example.com>', 'https://example.com'],
    ['| a |\n| :-- |\n| 1 |', '| a |\n| --- |\n| 1 |'],
    ['***', '---'],
    ['    indented code', '```\nindented code\n```'],
    ['[![badge](https://example.com/b.svg)](https://example.com)', '![badge](https://example.com/b.svg)'],
    ['[ref link][1]\n\n[1]: https://example.com', '[ref link](https://example.com)'],
  ])('%j is written %j', (source, written) => {
    expect(again(source).trim()).toBe(written);
  });
});
