'use client';

import { applyThemeChoice, parseThemeChoice, THEME_STORAGE_KEY, type ThemeChoice } from './theme-choice';

/** Told when this tab changes the choice; the `storage` event only tells the other tabs. */
const CHANGED_HERE = 'quire-theme-change';

/** The stored choice; 'system' when nothing is stored or storage is unavailable (some private modes). */
export function readThemeChoice(): ThemeChoice {
  try {
    return parseThemeChoice(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

/** Remembers `choice` in this browser and applies it to the page at once. */
export function saveThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Not remembered, but this page still follows the choice until it is left.
  }
  applyThemeChoice(document.documentElement, choice);
  window.dispatchEvent(new Event(CHANGED_HERE));
}

/**
 * Calls `onChange` when the choice changes in this tab or another one (for useSyncExternalStore);
 * a change in another tab is applied to this page too. Returns the unsubscribe function.
 */
export function subscribeThemeChoice(onChange: () => void): () => void {
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
    applyThemeChoice(document.documentElement, readThemeChoice());
    onChange();
  };
  window.addEventListener('storage', fromOtherTab);
  window.addEventListener(CHANGED_HERE, onChange);
  return () => {
    window.removeEventListener('storage', fromOtherTab);
    window.removeEventListener(CHANGED_HERE, onChange);
  };
}
