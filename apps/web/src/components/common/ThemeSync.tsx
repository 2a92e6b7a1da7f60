'use client';

import { useLayoutEffect } from 'react';
import { applyThemeChoice } from '../../lib/theme/theme-choice';
import { readThemeChoice, subscribeThemeChoice } from '../../lib/theme/theme-store';

/**
 * Keeps <html> on the stored theme after the first paint: a choice made in another tab applies here
 * too, and React's development remount, which resets <html> to its JSX attributes, loses nothing.
 */
export function ThemeSync() {
  useLayoutEffect(() => {
    applyThemeChoice(document.documentElement, readThemeChoice());
    return subscribeThemeChoice(() => undefined);
  }, []);
  return null;
}
