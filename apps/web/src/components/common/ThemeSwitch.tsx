'use client';

import { useId, useSyncExternalStore } from 'react';
import { THEME_CHOICES, type ThemeChoice } from '../../lib/theme/theme-choice';
import { readThemeChoice, saveThemeChoice, subscribeThemeChoice } from '../../lib/theme/theme-store';
import styles from './account-menu.module.css';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** System, Light or Dark: three radio buttons drawn as one segmented control, applied as they change. */
export function ThemeSwitch() {
  const name = useId();
  // On the server, and while hydrating, 'system': the stored choice is only known in the browser.
  const current = useSyncExternalStore(subscribeThemeChoice, readThemeChoice, () => 'system' as const);
  return (
    <fieldset className={styles.theme} role="radiogroup">
      <legend className={styles.legend}>Theme</legend>
      <div className={styles.segments}>
        {THEME_CHOICES.map((choice) => (
          <label key={choice} className={styles.segment}>
            <input
              type="radio"
              className={styles.radio}
              name={name}
              value={choice}
              checked={current === choice}
              onChange={() => saveThemeChoice(choice)}
            />
            {LABELS[choice]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
