import MarkdownIt from 'markdown-it';
import type { Node } from 'prosemirror-model';
import { MarkdownParser } from 'prosemirror-markdown';
import { isAlignment } from '../alignment';
import { isCalloutKind } from '../callout-nodes';
import { normalizeCodeLanguage } from '../code-language';
import { isSafeFileSrc } from '../file-src';
import { isSafeHref } from '../href';
import { schema } from '../schema';
import { blockImages, callouts, cellParagraphs, taskLists } from './token-rules';

type Token = ReturnType<MarkdownIt['parse']>[number];

/**
 * The markdown-it tokenizer: CommonMark with GitHub's tables and strikethrough, bare URLs made
 * links, and no raw HTML (it stays literal text). A link or image that `isSafeHref` or
 * `isSafeFileSrc` refuses is not recognised at all, so its Markdown stays as typed.
 */
function tokenizer(): MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false });
  md.validateLink = (url: string) => isSafeHref(url) || isSafeFileSrc(url);
  // Only addresses written with their scheme (https://…) become links: a bare "example.org" in
  // prose stays text, so text written back as Markdown reads back as the same text.
  md.linkify.set({ fuzzyLink: false });
  md.core.ruler.push('quire_cell_paragraphs', (state) => cellParagraphs(state));
  md.core.ruler.push('quire_task_lists', (state) => taskLists(state));
  md.core.ruler.push('quire_callouts', (state) => callouts(state));
  md.core.ruler.push('quire_block_images', (state) => blockImages(state));
  return md;
}

const headingLevel = (token: Token) => Math.min(4, Number(token.tag.slice(1)) || 1);

/** Markdown to a Quire document: headings, lists, task lists, tables, code, quotes, callouts, images, links. */
export const markdownParser = new MarkdownParser(schema, tokenizer(), {
  blockquote: { block: 'blockquote' },
  callout: { block: 'callout', getAttrs: (token) => ({ kind: isCalloutKind(token.attrGet('kind')) ? token.attrGet('kind') : 'info' }) },
  paragraph: { block: 'paragraph', getAttrs: (token) => ({ align: isAlignment(token.attrGet('align')) && token.attrGet('align') !== 'left' ? token.attrGet('align') : null }) },
  list_item: { block: 'list_item' },
  bullet_list: { block: 'bullet_list' },
  ordered_list: {
    block: 'ordered_list',
    getAttrs: (token) => {
      const start = Number(token.attrGet('start') ?? 1);
      return { order: Number.isSafeInteger(start) && start >= 0 ? start : 1 };
    },
  },
  task_list: { block: 'task_list' },
  task_item: { block: 'task_item', getAttrs: (token) => ({ checked: token.attrGet('checked') === 'true' }) },
  heading: { block: 'heading', getAttrs: (token) => ({ level: headingLevel(token) }) },
  code_block: { block: 'code_block', noCloseToken: true },
  fence: { block: 'code_block', getAttrs: (token) => ({ language: normalizeCodeLanguage(token.info.trim().split(/\s+/)[0]) }), noCloseToken: true },
  hr: { node: 'horizontal_rule' },
  image_block: {
    node: 'image',
    getAttrs: (token) => ({ src: token.attrGet('src') ?? '', alt: token.attrGet('alt') ?? '', title: token.attrGet('title') ?? '' }),
  },
  hardbreak: { node: 'hard_break' },
  table: { block: 'table' },
  thead: { ignore: true },
  tbody: { ignore: true },
  tr: { block: 'table_row' },
  th: { block: 'table_header' },
  td: { block: 'table_cell' },
  em: { mark: 'italic' },
  strong: { mark: 'bold' },
  s: { mark: 'strike' },
  link: { mark: 'link', getAttrs: (token) => ({ href: token.attrGet('href') ?? '' }) },
  code_inline: { mark: 'code', noCloseToken: true },
});

/** Parses Markdown text into a Quire document (`doc` node). Never throws on any input text. */
export function parseMarkdown(text: string): Node {
  return markdownParser.parse(text);
}
