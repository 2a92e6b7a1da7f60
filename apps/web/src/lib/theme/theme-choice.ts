/**
 * The colour theme a person chose in the account menu. 'system' follows the operating system's
 * setting (prefers-color-scheme, through the root's `color-scheme: light dark` in globals.css); the
 * others set `data-theme` on <html>, which pins the root's color-scheme. The choice is kept in this
 * browser's localStorage, per device as the system setting is.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export const THEME_STORAGE_KEY = 'quire-theme';

/** A stored value as a choice: anything else (nothing stored, an old or edited value) is 'system'. */
export function parseThemeChoice(value: string | null | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/**
 * The inline script in the root layout's <head> (components/common/ThemeScript.tsx): it runs while the
 * HTML is parsed, before the first paint, so a chosen theme never flashes the other one first. It
 * must agree with `parseThemeChoice` and `applyThemeChoice` (theme-choice.spec.ts runs it).
 */
export const THEME_SCRIPT =
  `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});` +
  `if(t==="light"||t==="dark")document.documentElement.setAttribute("data-theme",t)}catch(e){}})()`;

/** Sets or clears `data-theme` on `root` for `choice`. */
export function applyThemeChoice(root: Element, choice: ThemeChoice): void {
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}
