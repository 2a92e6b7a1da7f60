/** A table as printed: headers and already formatted cells. */
export interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

// Numbers (with units, signs, separators, markers or a dash for "none") read best right-aligned.
const NUMERIC = /^[-+]?[\d.,]+( ?[%×a-zA-Z/µ]+)?[*†!]?$|^–[*†!]?$/;

/** Renders a table with aligned columns: text to the left, numbers to the right. */
export function renderTable(table: Table): string {
  const widths = table.headers.map((header, column) =>
    Math.max(header.length, ...table.rows.map((row) => (row[column] ?? '').length)),
  );
  const numeric = numericColumns(table);
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(table.headers), rule, ...table.rows.map(line)].join('\n');
}

/** The same table in Markdown, for a results file a README links to. */
export function renderMarkdown(table: Table): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const numeric = numericColumns(table);
  return [
    `| ${table.headers.map(escape).join(' | ')} |`,
    `| ${numeric.map((isNumeric) => (isNumeric ? '---:' : '---')).join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

/** Columns whose every cell reads as a number (the first column never does: it names the row). */
function numericColumns(table: Table): boolean[] {
  return table.headers.map((_header, column) => column > 0 && table.rows.length > 0 && table.rows.every((row) => NUMERIC.test(row[column] ?? '–')));
}
