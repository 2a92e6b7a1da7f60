import type { Mark, Node } from 'prosemirror-model';
import { defaultMarkdownSerializer, MarkdownSerializer } from 'prosemirror-markdown';
import { mentionText } from '../mention-nodes';

const nodes = defaultMarkdownSerializer.nodes;
const marks = defaultMarkdownSerializer.marks;

const ALERT_OF_KIND: Record<string, string> = { info: 'NOTE', success: 'TIP', warning: 'WARNING', error: 'CAUTION' };

const DELIMITER_OF_ALIGN: Record<string, string> = { left: ':---', center: ':---:', right: '---:' };

/** Each column's alignment, read from its header cell's first paragraph (pipe tables align whole columns). */
function columnAlignments(table: Node, width: number): (string | null)[] {
  const header = table.firstChild;
  return Array.from({ length: width }, (_, i) => {
    const cell = header && i < header.childCount ? header.child(i) : null;
    const align = cell?.firstChild?.attrs['align'] as string | null | undefined;
    return align ?? null;
  });
}

/** A link whose text is exactly its http(s) address, alone in its mark: written as the bare URL. */
function isBareUrl(link: Mark, parent: Node, index: number): boolean {
  const href = link.attrs['href'] as string;
  if (link.attrs['title'] || !/^https?:\/\/[^\s<>]+$/.test(href)) return false;
  const content = parent.child(index);
  if (!content.isText || content.text !== href || content.marks.length !== 1) return false;
  return index === parent.childCount - 1 || !link.isInSet(parent.child(index + 1).marks);
}

type SerializerState = Parameters<MarkdownSerializer['nodes'][string]>[0];
/** The parts of prosemirror-markdown's serializer state that text needs and its types leave out. */
interface StateInternals {
  inAutolink?: boolean;
  atBlockStart: boolean;
  out: string;
}

/**
 * A text node, escaped so that it reads back as the same text: Markdown syntax escaped (as
 * prosemirror-markdown does), `&` before what would read as an entity escaped, and whitespace
 * at the start of a line or the end of a paragraph (which Markdown drops, and four spaces of which
 * make code) kept by writing its first or last character as an entity.
 */
function writeText(state: SerializerState, text: string, parent: Node, index: number): void {
  const internals = state as unknown as StateInternals;
  if (internals.inAutolink) {
    state.text(text, false);
    return;
  }
  state.write();
  // Only the output's end is looked at: testing the whole output each time would be quadratic.
  const lineStart = internals.atBlockStart || /\\\n[ >]*$/.test(internals.out.slice(-64));
  let escaped = state.esc(text, internals.atBlockStart).replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  if (lineStart) escaped = escaped.replace(/^[ \t]/, (space) => (space === ' ' ? '&#32;' : '&#9;'));
  const next = index + 1 < parent.childCount ? parent.child(index + 1) : null;
  if (!next || next.type.name === 'hard_break') escaped = escaped.replace(/[ \t]$/, (space) => (space === ' ' ? '&#32;' : '&#9;'));
  state.text(escaped, false);
}

/** A table cell's blocks as one line of a pipe table (pipes escaped, blocks joined by spaces). */
function cellText(cell: Node): string {
  // The cell itself is serialized (not each block alone): a block's inline content is only
  // rendered with its marks by its own node's serializer.
  return markdownSerializer.serialize(cell, { tightLists: true }).replace(/\n+/g, ' ').trim().replace(/\|/g, '\\|') || ' ';
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
    bullet_list: (state, node) => state.renderList(node, '  ', () => '- '),
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
      state.write(`|${columnAlignments(node, width).map((align) => ` ${DELIMITER_OF_ALIGN[align ?? ''] ?? '---'} |`).join('')}`);
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
    text: (state, node, parent, index) => writeText(state, node.text ?? '', parent, index),
  },
  {
    link: {
      ...marks['link'],
      // A bare http(s) URL is written bare (GitHub and markdown-it's linkify read it back as a
      // link), not as `<url>`: README text stays as it was typed.
      open: (state, mark, parent, index) => {
        const bare = isBareUrl(mark, parent, index);
        (state as unknown as { inAutolink?: boolean }).inAutolink = bare;
        return bare ? '' : '[';
      },
      close: (state, mark, parent, index) => {
        const holder = state as unknown as { inAutolink?: boolean };
        const bare = holder.inAutolink;
        holder.inAutolink = undefined;
        if (bare) return '';
        const close = marks['link'].close;
        return typeof close === 'function' ? close(state, mark, parent, index) : close;
      },
    },
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
