import { Plugin, PluginKey, Selection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { ActionKind, autocomplete, pluginKey as autocompleteKey, type AutocompleteAction, type AutocompleteState } from 'prosemirror-autocomplete';

/** The menus a typed character opens: `/` at the start of a block, `@` after a space or at a block's start. */
export type SuggestionKind = 'slash' | 'mention';

/** One entry of a menu, as the page draws it. */
export interface SuggestionItem {
  id: string;
  label: string;
  /** A second line (a person's e-mail, a block's description). */
  detail?: string;
}

/** Where a menu's entries come from, and what choosing one does. */
export interface SuggestionSource<T extends SuggestionItem = SuggestionItem> {
  /** The entries matching what was typed after the trigger character (cheap: called on every keystroke). */
  items(query: string, state: EditorState): readonly T[];
  /** What choosing `item` does, run after the trigger and query are removed from the text. */
  apply(item: T): Command;
}

/** What the page needs to draw the open menu; `active: false` when none is open. */
export interface SuggestionState {
  active: boolean;
  kind: SuggestionKind | null;
  /** What was typed after `/` or `@`. */
  query: string;
  /** The document range of the trigger and query (anchor the menu at `range.from` with `view.coordsAtPos`). */
  range: { from: number; to: number } | null;
  items: readonly SuggestionItem[];
  /** The highlighted entry (ArrowUp/ArrowDown move it, Enter or Tab chooses it). */
  selectedIndex: number;
}

export type SuggestionSources = Partial<Record<SuggestionKind, SuggestionSource>>;

/** The key of the suggestion state: `suggestionKey.getState(state)` is a `SuggestionState`. */
export const suggestionKey = new PluginKey<SuggestionState>('quire-suggestion');

const CLOSED: SuggestionState = { active: false, kind: null, query: '', range: null, items: [], selectedIndex: 0 };

type Meta = { move: number } | { select: number };

/**
 * The slash menu and mentions, on prosemirror-autocomplete: it finds the trigger as it is typed,
 * decorates the query (class `autocomplete`), and sends arrow keys, Enter, Tab and Escape while
 * the menu is open; Escape, a click elsewhere or a space right after the trigger close it. This
 * plugin adds the state the page renders (`suggestionKey`) and runs the chosen entry.
 */
export function suggestionPlugins(sources: SuggestionSources): Plugin[] {
  const reducer = (action: AutocompleteAction): boolean => {
    const view = action.view;
    switch (action.kind) {
      case ActionKind.up:
      case ActionKind.down:
        view.dispatch(view.state.tr.setMeta(suggestionKey, { move: action.kind === ActionKind.up ? -1 : 1 } satisfies Meta));
        return true;
      case ActionKind.enter:
        return chooseSuggestion()(view.state, view.dispatch, view);
      default:
        return false;
    }
  };
  const triggers = [
    ...(sources.slash ? [{ name: 'slash', trigger: /^(\/)$/ }] : []),
    ...(sources.mention ? [{ name: 'mention', trigger: '@' }] : []),
  ];
  const state = new Plugin<SuggestionState>({
    key: suggestionKey,
    sources,
    state: {
      init: () => CLOSED,
      apply(tr, previous, _old, next) {
        const found = autocompleteKey.getState(next) as AutocompleteState | undefined;
        if (!found?.active) return CLOSED;
        const kind = found.type?.name as SuggestionKind | undefined;
        const source = kind ? sources[kind] : undefined;
        if (!kind || !source) return CLOSED;
        const sameQuery = previous.active && previous.kind === kind && previous.query === found.filter;
        const items = sameQuery ? previous.items : source.items(found.filter, next);
        const meta = tr.getMeta(suggestionKey) as Meta | undefined;
        let selectedIndex = sameQuery ? previous.selectedIndex : 0;
        if (meta && 'move' in meta && items.length > 0) selectedIndex = (selectedIndex + meta.move + items.length) % items.length;
        if (meta && 'select' in meta) selectedIndex = meta.select;
        return { active: true, kind, query: found.filter, range: found.range, items, selectedIndex: Math.min(selectedIndex, Math.max(0, items.length - 1)) };
      },
    },
  });
  return [...autocomplete({ triggers, reducer }), state];
}

/** Moves the highlighted entry by `delta` (wrapping), as ArrowUp/ArrowDown do. */
export function moveSuggestion(delta: number): Command {
  return (state, dispatch) => {
    if (!suggestionKey.getState(state)?.active) return false;
    if (dispatch) dispatch(state.tr.setMeta(suggestionKey, { move: delta } satisfies Meta));
    return true;
  };
}

/** Closes the open menu, leaving what was typed as text (Escape does the same). */
export const closeSuggestion: Command = (state, dispatch) => {
  if (!suggestionKey.getState(state)?.active) return false;
  if (dispatch) dispatch(state.tr.setMeta(autocompleteKey, { action: 'remove' }));
  return true;
};

/**
 * Chooses entry `index` (the highlighted one by default), as a click or Enter does: the trigger
 * and query are removed and the entry's command runs, all in one transaction (one undo step).
 * False when no menu is open or it has no such entry.
 */
export function chooseSuggestion(index?: number): Command {
  return (state, dispatch, view) => {
    const current = suggestionKey.getState(state);
    const sources = (suggestionKey.get(state)?.spec as { sources?: SuggestionSources } | undefined)?.sources ?? {};
    if (!current?.active || !current.range || !current.kind) return false;
    const item = current.items[index ?? current.selectedIndex];
    const source = sources[current.kind];
    if (!item || !source) return false;
    const tr = state.tr.delete(current.range.from, current.range.to).setMeta(autocompleteKey, { action: 'remove' });
    const between = state.apply(tr);
    const run = source.apply(item);
    if (!run(between)) return false;
    if (!dispatch) return true;
    run(between, (next: Transaction) => {
      for (const step of next.steps) tr.step(step);
      tr.setSelection(Selection.fromJSON(tr.doc, next.selection.toJSON()));
      if (next.storedMarksSet) tr.setStoredMarks(next.storedMarks);
    }, view);
    dispatch(tr.scrollIntoView());
    return true;
  };
}
