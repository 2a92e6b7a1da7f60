import { describe, expect, it } from 'vitest';
import { applyThemeChoice, parseThemeChoice, THEME_SCRIPT, THEME_STORAGE_KEY } from './theme-choice';

/** A root element that records its data-theme attribute. */
function fakeRoot() {
  const attributes = new Map<string, string>();
  return {
    attributes,
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
    removeAttribute: (name: string) => void attributes.delete(name),
  };
}

/** Runs the inline script against a stored value (or a storage that throws), as the browser would. */
function runScript(stored: string | null | Error) {
  const root = fakeRoot();
  const localStorage = {
    getItem: (key: string) => {
      if (stored instanceof Error) throw stored;
      return key === THEME_STORAGE_KEY ? stored : null;
    },
  };
  new Function('localStorage', 'document', THEME_SCRIPT)(localStorage, { documentElement: root });
  return root.attributes.get('data-theme');
}

describe('parseThemeChoice', () => {
  it('keeps light and dark, and reads anything else as the system setting', () => {
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('dark')).toBe('dark');
    for (const value of [null, undefined, '', 'system', 'Dark', 'dark ', 'blue']) expect(parseThemeChoice(value), String(value)).toBe('system');
  });
});

describe('THEME_SCRIPT', () => {
  it('sets data-theme for a stored light or dark choice', () => {
    expect(runScript('dark')).toBe('dark');
    expect(runScript('light')).toBe('light');
  });

  it('leaves the root alone for anything else, and when storage throws', () => {
    expect(runScript(null)).toBeUndefined();
    expect(runScript('"><script>')).toBeUndefined();
    expect(runScript(new Error('SecurityError'))).toBeUndefined();
  });
});

describe('applyThemeChoice', () => {
  it('sets data-theme for light and dark and removes it for the system setting', () => {
    const root = fakeRoot();
    applyThemeChoice(root as unknown as Element, 'dark');
    expect(root.attributes.get('data-theme')).toBe('dark');
    applyThemeChoice(root as unknown as Element, 'system');
    expect(root.attributes.has('data-theme')).toBe(false);
  });
});
