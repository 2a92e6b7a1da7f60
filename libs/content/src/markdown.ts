import type { Node } from 'prosemirror-model';
import { markdownParser, schema, serializeMarkdown } from '@quire/editor-schema';
import type MarkdownIt from 'markdown-it';
import { MarkdownParser } from 'prosemirror-markdown';
import type { Conversion } from './conversion';

/** A document as GitHub-flavoured Markdown (the schema's serializer: every node, formatting Markdown has no syntax for dropped, its text kept). */
export function toMarkdown(doc: Node): string {
  return serializeMarkdown(doc);
}

/** The schema's parser over tokens already made: a long document is tokenized once, not twice. */
function parseTokens(tokens: Token[]): Node {
  const given = { parse: () => tokens } as unknown as MarkdownIt;
  return new MarkdownParser(schema, given, markdownParser.tokens).parse('');
}

type Token = ReturnType<typeof markdownParser.tokenizer.parse>[number];
const RAW_HTML = /<\/?[A-Za-z][A-Za-z0-9-]*[\s/>]/;

/**
 * Markdown to a document, saying what could not be kept as written, read from markdown-it's tokens:
 * headings deeper than four levels, raw HTML (kept as literal text, never run), line breaks inside
 * paragraphs (joined: Quire's paragraphs have no soft breaks).
 */
export function fromMarkdown(text: string): Conversion {
  const tokens = markdownParser.tokenizer.parse(text, {});
  let deepHeadings = 0;
  let rawHtml = 0;
  let softBreaks = 0;
  const visit = (list: readonly Token[]) => {
    for (const token of list) {
      if (token.type === 'heading_open' && (token.tag === 'h5' || token.tag === 'h6')) deepHeadings += 1;
      if (token.type === 'softbreak') softBreaks += 1;
      if (token.type === 'text' && RAW_HTML.test(token.content)) rawHtml += 1;
      if (token.children) visit(token.children);
    }
  };
  visit(tokens);
  const changes: string[] = [];
  if (deepHeadings > 0) changes.push(`${deepHeadings} heading${deepHeadings === 1 ? '' : 's'} of level 5 or 6 became level 4, the deepest Quire has`);
  if (rawHtml > 0) changes.push('Raw HTML was kept as literal text (it is not run or rendered)');
  if (softBreaks > 0) changes.push('Lines wrapped inside a paragraph were joined into one line');
  return { doc: parseTokens(tokens), changes };
}
