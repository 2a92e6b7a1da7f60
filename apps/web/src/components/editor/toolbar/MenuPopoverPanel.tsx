'use client';

import type { ReactNode } from 'react';
import { Floating } from '../floating/Floating';
import floatingStyles from '../floating/floating.module.css';
import type { MenuPopover } from './use-menu-popover';
import styles from './toolbar.module.css';

/** The open popup of a toolbar button, below it and outside the toolbar's sideways scrolling. */
export function MenuPopoverPanel({ popover, children }: { popover: MenuPopover; children: ReactNode }) {
  if (!popover.open) return null;
  return (
    <Floating anchor={popover.anchor} placement="below" strategy="fixed" className={floatingStyles.panel}>
      <div ref={popover.panel}>{children}</div>
    </Floating>
  );
}

/** The small chevron that says a toolbar button opens something. */
export function MenuChevron() {
  return (
    <svg className={styles.chevron} width="8" height="8" viewBox="0 0 8 8" aria-hidden="true" focusable="false">
      <path d="M1 2.5 4 5.5 7 2.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
