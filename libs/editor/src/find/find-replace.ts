import { getSearchState, search, SearchQuery, setSearchState, findNext as searchNext, findPrev as searchPrev, replaceAll as searchReplaceAll, replaceNext as searchReplaceNext } from 'prosemirror-search';
import type { Command, EditorState, Plugin } from 'prosemirror-state';

/** What a person searches for. */
export interface FindOptions {
  /** The text (or pattern, with `regexp`) to find; '' finds nothing. */
  search: string;
  /** The replacement, for the replace commands. */
  replace?: string;
  caseSensitive?: boolean;
  wholeWord?: boolean;
  regexp?: boolean;
}

/** Where the search stands, for the find bar: its query, how many matches, which one is current. */
export interface FindState {
  query: FindOptions;
  /** Matches in the document (at most MAX_COUNTED_MATCHES are counted). */
  matchCount: number;
  /** 0-based index of the selected match, or -1 when the selection is not on a match. */
  currentIndex: number;
}

/** Counting stops here: a one-letter search in a long document must not stall typing. */
export const MAX_COUNTED_MATCHES = 1000;

/**
 * Find and replace (prosemirror-search): matches are decorated with `ProseMirror-search-match`,
 * the selected one also with `ProseMirror-active-search-match`. The search lives in this editor
 * only; replacing is an ordinary, shared edit.
 */
export function findReplacePlugin(): Plugin {
  return search();
}

/** Sets what to find (and replace with); the matches are decorated at once. */
export function setFindQuery(options: FindOptions): Command {
  return (state, dispatch) => {
    if (!getSearchState(state)) return false;
    const query = new SearchQuery({
      search: options.search,
      replace: options.replace ?? '',
      caseSensitive: options.caseSensitive ?? false,
      wholeWord: options.wholeWord ?? false,
      regexp: options.regexp ?? false,
    });
    if (dispatch) dispatch(setSearchState(state.tr, query));
    return true;
  };
}

/** Stops searching: no more match decorations. */
export const clearFind: Command = (state, dispatch) => setFindQuery({ search: '' })(state, dispatch);

/** Selects the next match after the selection, wrapping around at the end. */
export const findNext: Command = searchNext;
/** Selects the match before the selection, wrapping around at the start. */
export const findPrevious: Command = searchPrev;
/** Replaces the selected match (or selects the next one first) and moves to the next. */
export const replaceOne: Command = searchReplaceNext;
/** Replaces every match in ONE transaction, so one undo brings them all back. */
export const replaceAll: Command = searchReplaceAll;

/** The find bar's state for `state`, or null when the find plugin is not installed. */
export function findState(state: EditorState): FindState | null {
  const current = getSearchState(state);
  if (!current) return null;
  const { query } = current;
  const options: FindOptions = { search: query.search, replace: query.replace, caseSensitive: query.caseSensitive, wholeWord: query.wholeWord, regexp: query.regexp };
  if (!query.valid) return { query: options, matchCount: 0, currentIndex: -1 };
  let matchCount = 0;
  let currentIndex = -1;
  const { from, to } = state.selection;
  for (let pos = 0; matchCount < MAX_COUNTED_MATCHES; ) {
    const match = query.findNext(state, pos);
    if (!match) break;
    if (match.from === from && match.to === to) currentIndex = matchCount;
    matchCount++;
    pos = Math.max(match.to, pos + 1);
  }
  return { query: options, matchCount, currentIndex };
}
