import type { Node } from 'prosemirror-model';
import { defaultMarkdownSerializer, MarkdownSerializer } from 'prosemirror-markdown';
import { mentionText } from '../mention-nodes';

const nodes = defaultMarkdownSerializer.nodes;
const marks = defaultMarkdownSerializer.marks;

const ALERT_OF_KIND: Record<string, string> = { info: 'NOTE', success: 'TIP', warning: 'WARNING', error: 'CAUTION' };

/** A table cell's blocks as one line of a pipe table (pipes escaped, blocks joined by spaces). */
function cellText(cell: Node): string {
  const parts: string[] = [];
  cell.forEach((block) => parts.push(markdownSerializer.serialize(block, { tightLists: true }).replace(/\n+/g, ' ').trim()));
  return parts.join(' ').replace(/\|/g, '\\|') || ' ';
}

/**
 * A Quire document as GitHub-flavoured Markdown. What Markdown cannot say keeps its text: colours,
 * highlights, underline, sub/superscript and alignment are dropped, merged table cells are written
 * once, a mention is `@name`, an attachment a link to its file.
 */
export const markdownSerializer: MarkdownSerializer = new MarkdownSerializer(
  {
    ...nodes,
    heading: (state, node) => {
      state.write(`${state.repeat('#', node.attrs['level'] as number)} `);
      state.renderInline(node, false);
      state.closeBlock(node);
    },
    code_block: (state, node) => {
      const backticks = node.textContent.match(/`{3,}/gm);
      const fence = backticks ? `${backticks.sort().at(-1)}\`` : '```';
      state.write(`${fence}${(node.attrs['language'] as string | null) ?? ''}\n`);
      state.text(node.textContent, false);
      state.write('\n');
      state.write(fence);
      state.closeBlock(node);
    },
    callout: (state, node) => {
      state.write(`> [!${ALERT_OF_KIND[node.attrs['kind'] as string] ?? 'NOTE'}]`);
      state.ensureNewLine();
      state.wrapBlock('> ', null, node, () => state.renderContent(node));
    },
    task_list: (state, node) => state.renderList(node, '  ', () => '- '),
    task_item: (state, node) => {
      state.write(node.attrs['checked'] ? '[x] ' : '[ ] ');
      state.renderContent(node);
    },
    table: (state, node) => {
      const rows: string[][] = [];
      node.forEach((row) => {
        const cells: string[] = [];
        row.forEach((cell) => cells.push(cellText(cell)));
        rows.push(cells);
      });
      const width = Math.max(...rows.map((row) => row.length));
      const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? ' ').join(' | ')} |`;
      state.write(line(rows[0] ?? []));
      state.ensureNewLine();
      state.write(`|${' --- |'.repeat(width)}`);
      for (const row of rows.slice(1)) {
        state.ensureNewLine();
        state.write(line(row));
      }
      state.closeBlock(node);
    },
    table_row: () => undefined,
    table_cell: () => undefined,
    table_header: () => undefined,
    image: (state, node) => {
      const { src, alt, title } = node.attrs as { src: string; alt: string; title: string };
      state.write(`![${state.esc(alt)}](${src.replace(/[()\s]/g, encodeURIComponent)}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`);
      state.closeBlock(node);
    },
    attachment: (state, node) => {
      const { src, name } = node.attrs as { src: string; name: string };
      state.write(`[${state.esc(name || 'file')}](${src})`);
      state.closeBlock(node);
    },
    mention: (state, node) => state.text(mentionText(node)),
  },
  {
    link: marks['link'],
    bold: marks['strong'],
    italic: marks['em'],
    code: marks['code'],
    strike: { open: '~~', close: '~~', mixable: true, expelEnclosingWhitespace: true },
    underline: { open: '', close: '' },
    highlight: { open: '', close: '' },
    text_color: { open: '', close: '' },
    subscript: { open: '', close: '' },
    superscript: { open: '', close: '' },
    // A comment thread's anchor: the thread lives in the database, the text is written as it is.
    comment: { open: '', close: '' },
  },
);

/** Writes a Quire document as Markdown (see `markdownSerializer`). */
export function serializeMarkdown(doc: Node): string {
  return markdownSerializer.serialize(doc, { tightLists: true });
}
