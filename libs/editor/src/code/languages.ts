import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import markdown from 'highlight.js/lib/languages/markdown';
import php from 'highlight.js/lib/languages/php';
import python from 'highlight.js/lib/languages/python';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import swift from 'highlight.js/lib/languages/swift';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { createLowlight } from 'lowlight';

/** A language the code block picker offers: its stored id and its name. */
export interface CodeLanguage {
  id: string;
  label: string;
}

/** The languages Quire highlights, in the picker's order (plain text is `null`, not listed). */
export const CODE_LANGUAGES: readonly CodeLanguage[] = [
  { id: 'bash', label: 'Bash' },
  { id: 'c', label: 'C' },
  { id: 'cpp', label: 'C++' },
  { id: 'csharp', label: 'C#' },
  { id: 'css', label: 'CSS' },
  { id: 'diff', label: 'Diff' },
  { id: 'go', label: 'Go' },
  { id: 'xml', label: 'HTML / XML' },
  { id: 'java', label: 'Java' },
  { id: 'javascript', label: 'JavaScript' },
  { id: 'json', label: 'JSON' },
  { id: 'kotlin', label: 'Kotlin' },
  { id: 'markdown', label: 'Markdown' },
  { id: 'php', label: 'PHP' },
  { id: 'python', label: 'Python' },
  { id: 'ruby', label: 'Ruby' },
  { id: 'rust', label: 'Rust' },
  { id: 'sql', label: 'SQL' },
  { id: 'swift', label: 'Swift' },
  { id: 'typescript', label: 'TypeScript' },
  { id: 'yaml', label: 'YAML' },
];

let shared: ReturnType<typeof createLowlight> | undefined;

/**
 * lowlight (highlight.js grammars) with the languages above; highlight.js's aliases (`ts`, `js`,
 * `py`, `sh`, `html`, `yml`…) resolve to them. Made on first use: registering a language runs its
 * grammar's definition, which for all of them was part of the page's start (the editor's modules
 * are evaluated in one task while the page hydrates) even when the document has no code.
 */
export function lowlight(): ReturnType<typeof createLowlight> {
  shared ??= createLowlight({
    bash,
    c,
    cpp,
    csharp,
    css,
    diff,
    go,
    java,
    javascript,
    json,
    kotlin,
    markdown,
    php,
    python,
    ruby,
    rust,
    sql,
    swift,
    typescript,
    xml,
    yaml,
  });
  return shared;
}

/** Whether `language` (an id or an alias such as `ts`) can be highlighted. */
export function isHighlightable(language: string | null | undefined): language is string {
  return typeof language === 'string' && language !== '' && lowlight().registered(language);
}
