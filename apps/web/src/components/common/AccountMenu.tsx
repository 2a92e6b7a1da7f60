'use client';

import type { UserView } from '@quire/api-contract';
import { deleteLocalCopies, initials, keptDocuments } from '@quire/editor';
import Link from 'next/link';
import { useCallback, useId, useRef, useState } from 'react';
import { useApi } from '../../lib/api/api-context';
import { signOut } from '../../lib/api/auth';
import { forgetDeviceAccount } from '../../lib/device-account';
import { forgetKeptPages } from '../../lib/service-worker';
import styles from './account-menu.module.css';
import { ConfirmDialog } from './ConfirmDialog';
import { ThemeSwitch } from './ThemeSwitch';
import { useDisclosureDismiss } from '../../hooks/use-disclosure-dismiss';

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
  /** Documents whose changes exist only on this device, when signing out would delete them. */
  const [unsavedDocuments, setUnsavedDocuments] = useState(0);
  const root = useRef<HTMLElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const closeMenu = useCallback(() => setOpen(false), []);

  useDisclosureDismiss(open, closeMenu, root, trigger);

  async function leave() {
    if (pending) return;
    // On a shared computer nothing of this account may stay; but never lose changes unasked.
    const unsaved = (await keptDocuments(user.id).catch(() => [])).filter((kept) => kept.unsaved > 0).length;
    if (unsaved > 0) {
      setUnsavedDocuments(unsaved);
      return;
    }
    await signOutAndForget();
  }

  async function signOutAndForget() {
    setPending(true);
    try {
      await deleteLocalCopies(user.id).catch(() => 0);
      forgetDeviceAccount();
      await forgetKeptPages();
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
          <button type="button" className={styles.item} onClick={() => void leave()} aria-disabled={pending}>
            Sign out
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={unsavedDocuments > 0}
        title="Some changes are not saved yet"
        description={
          <>
            {unsavedDocuments === 1 ? 'One document has' : `${unsavedDocuments} documents have`} changes that are saved only on this device and
            have not reached the server yet. Signing out deletes this account’s copies from this device, with those changes. Cancel to stay
            signed in until they are sent (open the document while online).
          </>
        }
        confirmLabel="Sign out and delete them"
        onConfirm={signOutAndForget}
        onCancel={() => setUnsavedDocuments(0)}
      />
    </nav>
  );
}

