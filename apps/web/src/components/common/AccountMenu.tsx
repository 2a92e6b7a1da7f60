'use client';

import type { UserView } from '@quire/api-contract';
import { initials } from '@quire/editor';
import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import { useApi } from '../../lib/api/api-context';
import { signOut } from '../../lib/api/auth';
import styles from './account-menu.module.css';
import { ThemeSwitch } from './ThemeSwitch';

/**
 * Who is signed in, as a button that opens their menu: the account page, the admin page for
 * administrators, the theme, and sign out. A disclosure rather than an ARIA menu, since it holds a
 * radio group; Escape, a click elsewhere or focus leaving it closes it. The panel is rendered only
 * while open, so the page holds the person's name once, in the button, while it is closed.
 */
export function AccountMenu({ user }: { user: UserView }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const root = useRef<HTMLElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      trigger.current?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  async function leave() {
    if (pending) return;
    setPending(true);
    try {
      await signOut(api);
    } finally {
      // A full load, so nothing of this account stays in memory.
      window.location.assign('/signin');
    }
  }

  return (
    <nav ref={root} className={styles.nav} aria-label="Account">
      <button
        ref={trigger}
        type="button"
        className={styles.trigger}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        <span className={styles.avatar} aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="visually-hidden">Account: </span>
        <span className={styles.userName}>{user.name}</span>
        <svg className={styles.chevron} viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M3 4.5 6 7.5 9 4.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open ? (
        <div id={panelId} className={styles.panel}>
          <p className={styles.who}>
            <span className={styles.whoName}>{user.name}</span>
            <span className={styles.whoEmail}>{user.email}</span>
          </p>
          <ul className={styles.links}>
            <li>
              <Link href="/account" className={styles.item} onClick={() => setOpen(false)}>
                Account settings
              </Link>
            </li>
            {user.isAdmin ? (
              <li>
                <Link href="/admin" className={styles.item} onClick={() => setOpen(false)}>
                  Admin
                </Link>
              </li>
            ) : null}
          </ul>
          <ThemeSwitch />
          <button type="button" className={styles.item} onClick={leave} aria-disabled={pending}>
            Sign out
          </button>
        </div>
      ) : null}
    </nav>
  );
}

