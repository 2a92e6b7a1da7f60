/**
 * Web-search syntax (what people type in a search box, and what PostgreSQL's
 * `websearch_to_tsquery` reads): words, "quoted phrases", `-excluded` words or phrases, and `or`
 * between two terms. Parsed here so that SQLite's FTS5 never sees user text as its own syntax:
 * every term becomes a quoted string (libs/storage README, "Search").
 */

/** A word or a phrase as typed (its words are split by the database's tokenizer). */
export interface QueryTerm {
  readonly text: string;
  readonly phrase: boolean;
}

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its terms does (`a or b`). */
  readonly groups: readonly (readonly QueryTerm[])[];
  /** No term here may match. */
  readonly excluded: readonly QueryTerm[];
  /**
   * The last word while it is being typed (no space after it): matched as a prefix too. Only a
   * plain word of letters and digits, not after `or`; it is also the last group, alone in it.
   */
  readonly prefix: string | undefined;
  /** Where the prefix word starts in the query: what precedes it is the rest of the query. */
  readonly prefixStart: number;
}

interface Token {
  readonly text: string;
  readonly phrase: boolean;
  readonly negated: boolean;
  readonly start: number;
}

const HAS_WORD = /[\p{L}\p{N}]/u;
const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;

/** Splits a query into words, phrases (an unclosed quote runs to the end) and negations. */
function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    if (/\s/u.test(query[i])) {
      i += 1;
      continue;
    }
    const start = i;
    let negated = false;
    if (query[i] === '-') {
      negated = true;
      i += 1;
    }
    if (query[i] === '"') {
      const close = query.indexOf('"', i + 1);
      const end = close === -1 ? query.length : close;
      tokens.push({ text: query.slice(i + 1, end), phrase: true, negated, start });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < query.length && !/\s/u.test(query[end]) && query[end] !== '"') end += 1;
    tokens.push({ text: query.slice(i, end), phrase: false, negated, start });
    i = end;
  }
  return tokens;
}

/** Parses a web-search query; terms without a letter or digit are dropped (they match nothing). */
export function parseSearchQuery(query: string): ParsedQuery {
  const tokens = tokenize(query);
  const groups: QueryTerm[][] = [];
  const excluded: QueryTerm[] = [];
  let joinNext = false;
  let prefix: string | undefined;
  let prefixStart = query.length;
  tokens.forEach((token, index) => {
    const isOr = !token.phrase && !token.negated && token.text.toLowerCase() === 'or';
    if (isOr && groups.length > 0 && index < tokens.length - 1) {
      joinNext = true;
      return;
    }
    if (!HAS_WORD.test(token.text)) {
      joinNext = false;
      return;
    }
    const term: QueryTerm = { text: token.text, phrase: token.phrase };
    const alternative = joinNext && !token.negated;
    if (token.negated) excluded.push(term);
    else if (alternative) groups[groups.length - 1].push(term);
    else groups.push([term]);
    joinNext = false;
    const last = index === tokens.length - 1;
    // Not after `or`: what precedes the prefix must stand as a query of its own.
    if (last && !alternative && !token.negated && !token.phrase && !isOr && PLAIN_WORD.test(token.text) && !/\s$/u.test(query)) {
      prefix = token.text;
      prefixStart = token.start;
    }
  });
  return { groups, excluded, prefix, prefixStart };
}

function quoted(term: QueryTerm): string {
  return `"${term.text.replace(/"/g, '""')}"`;
}

/**
 * The query as FTS5 syntax in which every term is a quoted string, so that nothing typed is read
 * as an operator, column filter or prefix; undefined when nothing could match (no positive term).
 */
export function toFts5Query(parsed: ParsedQuery): string | undefined {
  if (parsed.groups.length === 0) return undefined;
  const lastGroup = parsed.groups.length - 1;
  const groups = parsed.groups.map((group, g) => {
    const terms = group.map((term, t) => {
      const isPrefix = parsed.prefix !== undefined && g === lastGroup && t === group.length - 1;
      // The word as typed so far, or any word it begins.
      return isPrefix ? `${quoted(term)}*` : quoted(term);
    });
    return terms.length === 1 ? terms[0] : `(${terms.join(' OR ')})`;
  });
  // Explicit AND: FTS5 joins only phrases implicitly, not a phrase and a parenthesis.
  const positive = `(${groups.join(' AND ')})`;
  return parsed.excluded.reduce((expression, term) => `${expression} NOT ${quoted(term)}`, positive);
}

/** Marker characters around highlighted words in a database's snippet; removed from indexed text. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';
// And NUL, which PostgreSQL's text cannot hold, and U+E000, which stands in for "<" in PostgreSQL's headlines.
// eslint-disable-next-line no-control-regex -- these control characters are the point
const MARKERS = /[\u0000\u0002\u0003\ue000]/g;

/** Text as the index stores it, or a query as it is sent: without NUL or the characters that mark highlights. */
export function indexableText(text: string): string {
  return text.replace(MARKERS, ' ');
}

/** A snippet with markers as plain text and the ranges the markers enclosed. */
export function splitHighlights(marked: string): { snippet: string; highlights: [number, number][] } {
  let snippet = '';
  const highlights: [number, number][] = [];
  let start: number | undefined;
  for (const char of marked) {
    if (char === HIGHLIGHT_START) start = snippet.length;
    else if (char === HIGHLIGHT_END) {
      if (start !== undefined && snippet.length > start) highlights.push([start, snippet.length]);
      start = undefined;
    } else snippet += char;
  }
  return { snippet, highlights };
}

/** The words a snippet marks: every word of every term to find, lower-cased; the prefix as a prefix. */
function markedWords(parsed: ParsedQuery): { words: Set<string>; prefix: string | undefined } {
  const words = new Set<string>();
  for (const group of parsed.groups) for (const term of group) for (const word of term.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) words.add(word);
  return { words, prefix: parsed.prefix?.toLowerCase() };
}

/**
 * A snippet of `text` around the first word the query finds, with the words it finds marked: about
 * `length` characters cut at word boundaries, "…" where text was left out. Made in JavaScript
 * for the page of results, where PostgreSQL's `ts_headline` would parse every result's whole text.
 */
export function snippetOf(text: string, parsed: ParsedQuery, length = 200): { snippet: string; highlights: [number, number][] } {
  const { words, prefix } = markedWords(parsed);
  const matches = (word: string) => words.has(word) || (prefix !== undefined && word.startsWith(prefix));
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const first = tokens.find((token) => matches(token[0].toLowerCase()));
  const center = first?.index ?? 0;
  let start = first ? Math.max(0, center - Math.floor(length / 4)) : 0;
  let end = Math.min(text.length, start + length);
  // Whole words at both ends.
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = Math.max(text.lastIndexOf(' ', end), start);
  const lead = start > 0 ? '… ' : '';
  const body = text.slice(start, end).replace(/\s+/g, ' ');
  const highlights: [number, number][] = [];
  for (const token of body.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (matches(token[0].toLowerCase())) highlights.push([lead.length + (token.index ?? 0), lead.length + (token.index ?? 0) + token[0].length]);
  }
  return { snippet: `${lead}${body}${end < text.length ? ' …' : ''}`, highlights };
}
