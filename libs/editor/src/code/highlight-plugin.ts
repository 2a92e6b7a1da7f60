import { createHighlightPlugin, type Parser } from 'prosemirror-highlight';
import { createParser } from 'prosemirror-highlight/lowlight';
import type { Plugin } from 'prosemirror-state';
import { isHighlightable, lowlight } from './languages';

let highlightWithLowlight: Parser | undefined;

// Plain-text blocks and languages that are not registered are left alone: lowlight would throw
// on an unknown language, and guessing one (highlightAuto) costs far more than it gives.
const parser: Parser = (options) => (isHighlightable(options.language) ? (highlightWithLowlight ??= createParser(lowlight()))(options) : []);

/**
 * Syntax highlighting of code blocks by their `language`, as inline decorations with
 * highlight.js's `hljs-*` classes (prosemirror-highlight over lowlight). Decorations are local to
 * each editor: the shared document holds only the plain text. Blocks whose text did not change
 * keep their decorations, so typing in one block re-highlights that block only.
 */
export function codeHighlightPlugin(): Plugin {
  return createHighlightPlugin({ parser, nodeTypes: ['code_block'] });
}
