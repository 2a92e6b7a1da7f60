/** The event that asks the page's search dialog to open (a header button, the home page). */
export const OPEN_SEARCH_EVENT = 'quire:open-search';

/** Opens the search dialog, wherever it is asked from. */
export function openSearch(): void {
  window.dispatchEvent(new Event(OPEN_SEARCH_EVENT));
}

/**
 * Ctrl+K (⌘K on a Mac) opens search, unless something on the page took the key first: in the
 * editor it asks for a link (the editor handles it and prevents the default).
 */
export function isSearchShortcut(event: KeyboardEvent): boolean {
  return !event.defaultPrevented && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}
