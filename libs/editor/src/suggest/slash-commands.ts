import { schema, type CalloutKind } from '@quire/editor-schema';
import type { Command } from 'prosemirror-state';
import { insertHorizontalRule, setParagraph, toggleBlockquote, toggleCodeBlock, toggleHeading, toggleList } from '../commands/blocks';
import { toggleCallout } from '../commands/callout';
import { insertMention, type MentionAttrs } from '../commands/media';
import { insertTable } from '../tables/table-commands';
import { toggleTaskList } from '../tasks/task-commands';
import type { SuggestionItem, SuggestionSource } from './suggestion-plugin';

/** One entry of the slash menu. */
export interface SlashCommand extends SuggestionItem {
  /** More words it is found by (`h1`, `todo`, `divider`…). */
  keywords: readonly string[];
  /** What it does; for images and files, it asks the page (`SlashHost`). */
  command: Command;
}

/** What the slash menu asks of the page: a file picker for images and for other files. */
export interface SlashHost {
  requestImage?: () => void;
  requestFile?: () => void;
}

const ask = (request: (() => void) | undefined): Command => (_state, dispatch) => {
  if (!request) return false;
  if (dispatch) request();
  return true;
};

const callout = (kind: CalloutKind, label: string, keywords: string[]): SlashCommand => ({
  id: `callout_${kind}`,
  label,
  keywords: ['callout', kind, ...keywords],
  command: toggleCallout(kind),
});

/** Every block the slash menu offers, in its order; image and file only when the page can pick them. */
export function buildSlashCommands(host: SlashHost = {}): SlashCommand[] {
  return [
    { id: 'paragraph', label: 'Text', keywords: ['paragraph', 'plain'], command: setParagraph },
    ...([1, 2, 3, 4] as const).map((level) => ({ id: `heading${level}`, label: `Heading ${level}`, keywords: [`h${level}`, 'title'], command: toggleHeading(level) })),
    { id: 'bullet_list', label: 'Bulleted list', keywords: ['ul', 'unordered', 'bullets'], command: toggleList(schema.nodes.bullet_list) },
    { id: 'ordered_list', label: 'Numbered list', keywords: ['ol', 'ordered', 'numbers'], command: toggleList(schema.nodes.ordered_list) },
    { id: 'task_list', label: 'Task list', keywords: ['todo', 'checkbox', 'checklist'], command: toggleTaskList },
    { id: 'blockquote', label: 'Quote', keywords: ['blockquote', 'citation'], command: toggleBlockquote },
    callout('info', 'Info callout', ['note']),
    callout('warning', 'Warning callout', ['caution']),
    callout('success', 'Success callout', ['tip']),
    callout('error', 'Error callout', ['danger']),
    { id: 'code_block', label: 'Code block', keywords: ['code', 'pre', 'snippet'], command: toggleCodeBlock },
    { id: 'table', label: 'Table', keywords: ['grid', 'rows', 'columns'], command: insertTable(3, 3) },
    { id: 'horizontal_rule', label: 'Divider', keywords: ['hr', 'rule', 'line', 'separator'], command: insertHorizontalRule },
    ...(host.requestImage ? [{ id: 'image', label: 'Image', keywords: ['picture', 'photo', 'upload'], command: ask(host.requestImage) }] : []),
    ...(host.requestFile ? [{ id: 'attachment', label: 'File', keywords: ['attachment', 'upload', 'document'], command: ask(host.requestFile) }] : []),
  ];
}

/** The commands whose label or keywords contain `query` (case-insensitive); those whose label starts with it first. */
export function filterSlashCommands(commands: readonly SlashCommand[], query: string): SlashCommand[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...commands];
  const matches = commands.filter((c) => c.label.toLowerCase().includes(q) || c.id.includes(q) || c.keywords.some((k) => k.includes(q)));
  return matches.sort((a, b) => Number(!a.label.toLowerCase().startsWith(q)) - Number(!b.label.toLowerCase().startsWith(q)));
}

/** The slash menu's source: `buildSlashCommands(host)`, filtered by the query. */
export function slashSource(host: SlashHost = {}): SuggestionSource<SlashCommand> {
  const commands = buildSlashCommands(host);
  return { items: (query) => filterSlashCommands(commands, query), apply: (item) => item.command };
}

/** A person the `@` menu offers: their user id, and their name as shown now. */
export interface MentionCandidate extends MentionAttrs {
  detail?: string;
}

/** At most this many people in the `@` menu. */
export const MAX_MENTION_ITEMS = 8;

/**
 * The `@` menu's source: `people()` (the document's members, as the page knows them now) whose
 * name contains the query, inserted as a mention of their id.
 */
export function mentionSource(people: () => readonly MentionCandidate[]): SuggestionSource {
  return {
    items: (query) => {
      const q = query.trim().toLowerCase();
      return people()
        .filter((person) => person.label.toLowerCase().includes(q))
        .slice(0, MAX_MENTION_ITEMS)
        .map((person) => ({ id: person.id, label: person.label, ...(person.detail ? { detail: person.detail } : {}) }));
    },
    apply: (item) => insertMention({ id: item.id, label: item.label }),
  };
}
