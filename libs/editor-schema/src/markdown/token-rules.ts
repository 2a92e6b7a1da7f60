import type MarkdownIt from 'markdown-it';
import { isSafeFileSrc } from '../file-src';

type Token = ReturnType<MarkdownIt['parse']>[number];
type StateCore = Parameters<Parameters<MarkdownIt['core']['ruler']['push']>[1]>[0];

/*
 * markdown-it core rules that reshape its token stream into what Quire's schema holds, run after
 * its own rules. Each one keeps every character of text: what cannot become structure stays text.
 */

/** The index of the token closing the one opened at `open` (the same type, `_close`, same level). */
function closing(tokens: Token[], open: number): number {
  const type = tokens[open].type.replace(/_open$/, '_close');
  for (let i = open + 1; i < tokens.length; i++) {
    if (tokens[i].type === type && tokens[i].level === tokens[open].level) return i;
  }
  return -1;
}

/** Removes the first `length` characters from an inline token's text (its content and children). */
function dropLeadingText(inline: Token, length: number): void {
  inline.content = inline.content.slice(length);
  let left = length;
  const children = inline.children ?? [];
  while (left > 0 && children.length > 0) {
    const first = children[0];
    if (first.type !== 'text') break;
    if (first.content.length <= left) {
      left -= first.content.length;
      children.shift();
    } else {
      first.content = first.content.slice(left);
      left = 0;
    }
  }
  if (children[0]?.type === 'softbreak') children.shift();
}

/** Table cells hold blocks: put a paragraph (aligned as its column is) around each cell's text. */
export function cellParagraphs(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = tokens.length - 2; i >= 0; i--) {
    const cell = tokens[i];
    if ((cell.type !== 'th_open' && cell.type !== 'td_open') || tokens[i + 1].type !== 'inline') continue;
    const open = new state.Token('paragraph_open', 'p', 1);
    const align = /text-align:\s*(\w+)/.exec(cell.attrGet('style') ?? '')?.[1];
    if (align) open.attrSet('align', align);
    tokens.splice(i + 2, 0, new state.Token('paragraph_close', 'p', -1));
    tokens.splice(i + 1, 0, open);
  }
}

const TASK_MARKER = /^\[([ xX])\](?:[ \t]+|$)/;

/** A bullet list whose every item starts with `[ ]` or `[x]` becomes a task list (GitHub's syntax). */
export function taskLists(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== 'bullet_list_open') continue;
    const end = closing(tokens, i);
    const items: { open: number; inline: Token; marker: RegExpExecArray }[] = [];
    let allTasks = true;
    for (let j = i + 1; j < end; j++) {
      const token = tokens[j];
      if (token.type !== 'list_item_open' || token.level !== tokens[i].level + 1) continue;
      const inline = tokens[j + 2];
      const marker = tokens[j + 1]?.type === 'paragraph_open' && inline?.type === 'inline' ? TASK_MARKER.exec(inline.content) : null;
      if (!inline || !marker) {
        allTasks = false;
        break;
      }
      items.push({ open: j, inline, marker });
    }
    if (!allTasks || items.length === 0) continue;
    tokens[i].type = 'task_list_open';
    tokens[end].type = 'task_list_close';
    for (const { open, inline, marker } of items) {
      const close = closing(tokens, open);
      tokens[open].type = 'task_item_open';
      tokens[open].attrSet('checked', marker[1] === ' ' ? 'false' : 'true');
      tokens[close].type = 'task_item_close';
      dropLeadingText(inline, marker[0].length);
    }
  }
}

const ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/i;
const ALERT_KIND: Record<string, string> = { note: 'info', tip: 'success', important: 'info', warning: 'warning', caution: 'error' };

/** A quote starting with `[!NOTE]`, `[!TIP]`, `[!WARNING]`… (GitHub's alerts) becomes a callout. */
export function callouts(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== 'blockquote_open' || tokens[i + 1]?.type !== 'paragraph_open') continue;
    const inline = tokens[i + 2];
    const marker = inline?.type === 'inline' ? ALERT.exec(inline.content) : null;
    if (!inline || !marker) continue;
    const end = closing(tokens, i);
    tokens[i].type = 'callout_open';
    tokens[i].attrSet('kind', ALERT_KIND[marker[1].toLowerCase()] ?? 'info');
    tokens[end].type = 'callout_close';
    dropLeadingText(inline, marker[0].length);
    if (inline.content.trim() === '') tokens.splice(i + 1, 3);
  }
}

/**
 * Images are blocks in Quire: a paragraph's images are lifted out between the paragraphs of the
 * text around them. An image whose source may not be loaded stays as its alt text.
 */
export function blockImages(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = tokens.length - 1; i >= 1; i--) {
    const inline = tokens[i];
    if (inline.type !== 'inline' || tokens[i - 1].type !== 'paragraph_open' || !inline.children?.some((c) => c.type === 'image')) continue;
    const replacement: Token[] = [];
    let run: Token[] = [];
    const flush = () => {
      while (run[0]?.type === 'softbreak' || (run[0]?.type === 'text' && run[0].content.trim() === '')) run.shift();
      while (run.at(-1)?.type === 'softbreak' || (run.at(-1)?.type === 'text' && run.at(-1)?.content.trim() === '')) run.pop();
      if (run[0]?.type === 'text') run[0].content = run[0].content.trimStart();
      const last = run.at(-1);
      if (last?.type === 'text') last.content = last.content.trimEnd();
      if (run.length > 0) {
        const text = new state.Token('inline', '', 0);
        text.children = run;
        text.content = run.map((c) => c.content).join('');
        replacement.push(new state.Token('paragraph_open', 'p', 1), text, new state.Token('paragraph_close', 'p', -1));
      }
      run = [];
    };
    for (const child of inline.children) {
      const src = child.type === 'image' ? child.attrGet('src') ?? '' : '';
      if (child.type === 'image' && isSafeFileSrc(src)) {
        flush();
        const image = new state.Token('image_block', 'img', 0);
        image.attrs = [
          ['src', src],
          ['alt', (child.children ?? []).map((c) => c.content).join('')],
          ['title', child.attrGet('title') ?? ''],
        ];
        replacement.push(image);
      } else if (child.type === 'image') {
        const alt = new state.Token('text', '', 0);
        alt.content = (child.children ?? []).map((c) => c.content).join('') || src;
        run.push(alt);
      } else {
        run.push(child);
      }
    }
    flush();
    for (const token of replacement) token.level = tokens[i - 1].level;
    tokens.splice(i - 1, 3, ...replacement);
  }
}
