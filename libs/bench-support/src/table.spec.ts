import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderTable } from './table';

const table = {
  headers: ['store', 'p50', 'stored'],
  rows: [
    ['SQLite', '1.63', '38.6 KiB'],
    ['PostgreSQL', '51.6*', '2.45 MiB'],
  ],
};

describe('renderTable', () => {
  it('aligns text to the left and numbers (with units and markers) to the right; the first column names rows', () => {
    expect(renderTable(table)).toBe(
      ['store         p50    stored', '----------  -----  --------', 'SQLite       1.63  38.6 KiB', 'PostgreSQL  51.6*  2.45 MiB'].join('\n'),
    );
  });

  it('keeps a column of text to the left', () => {
    expect(renderTable({ headers: ['a', 'b'], rows: [['x', 'long text'], ['y', '12']] }).split('\n')[3]).toBe('y  12');
  });
});

describe('renderMarkdown', () => {
  it('marks numeric columns right-aligned and escapes pipes', () => {
    expect(renderMarkdown({ headers: ['what', 'n'], rows: [['a | b', '3']] })).toBe('| what | n |\n| --- | ---: |\n| a \\| b | 3 |');
  });
});
