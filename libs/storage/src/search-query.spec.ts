import { describe, expect, it } from 'vitest';
import { parseSearchQuery, snippetOf, splitHighlights, toFts5Query } from './search-query';

describe('web-search queries', () => {
  it('parses words, phrases, exclusions, or, and the word being typed', () => {
    expect(parseSearchQuery('garden "south wall" -shed or bud')).toEqual({
      // `or` joins the terms on either side of it that are looked for: here the phrase and bud.
      groups: [
        [{ text: 'garden', phrase: false }],
        [
          { text: 'south wall', phrase: true },
          { text: 'bud', phrase: false },
        ],
      ],
      excluded: [{ text: 'shed', phrase: false }],
      prefix: undefined,
      prefixStart: 32,
    });
    expect(parseSearchQuery('meeting bud')).toMatchObject({ prefix: 'bud', prefixStart: 8 });
    expect(parseSearchQuery('meeting bud ').prefix).toBeUndefined();
    expect(parseSearchQuery('a or b').groups).toEqual([[{ text: 'a', phrase: false }, { text: 'b', phrase: false }]]);
  });

  it('quotes every term for FTS5, so nothing typed is read as its syntax', () => {
    expect(toFts5Query(parseSearchQuery('NEAR(a b) title:x * "c""d"'))).toBe('("NEAR(a" AND "b)" AND "title:x" AND "c" AND "d")');
    expect(toFts5Query(parseSearchQuery('tomatoes -"the budget" sh'))).toBe('("tomatoes" AND "sh"*) NOT "the budget"');
    expect(toFts5Query(parseSearchQuery('-only -excluded'))).toBeUndefined();
    expect(toFts5Query(parseSearchQuery('" * :'))).toBeUndefined();
  });

  it('makes a snippet around the first match with every match marked, and splits marked snippets', () => {
    const text = `${'filler '.repeat(60)}We bought a xylophone for the band, a XYLOPHONE indeed. ${'more '.repeat(60)}`;
    const { snippet, highlights } = snippetOf(text, parseSearchQuery('xylophone band '));
    expect(snippet.startsWith('… ')).toBe(true);
    expect(snippet.endsWith(' …')).toBe(true);
    expect(highlights.map(([start, end]) => snippet.slice(start, end))).toEqual(['xylophone', 'band', 'XYLOPHONE']);
    expect(snippetOf('Short text', parseSearchQuery('nothing'))).toEqual({ snippet: 'Short text', highlights: [] });
    expect(splitHighlights('a \u0002b\u0003 c')).toEqual({ snippet: 'a b c', highlights: [[2, 3]] });
  });
});
