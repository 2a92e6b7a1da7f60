'use client';

import type { TerminalReason } from '@quire/editor';
import Link from 'next/link';
import styles from './connection.module.css';

const MESSAGES: Record<TerminalReason, { title: string; body: string }> = {
  outdated: {
    title: 'This editor is out of date — reload the page.',
    body: 'Quire was updated since this page was opened. Reload to keep editing with the new editor.',
  },
  unauthenticated: {
    title: 'You are not signed in.',
    body: 'Sign in, then reload the page to keep editing.',
  },
  forbidden: {
    title: 'You do not have access to this document.',
    body: 'Ask its owner to share it with you.',
  },
  'not-found': {
    title: 'This document does not exist.',
    body: 'It may have been deleted, or the link is wrong.',
  },
  refused: {
    title: 'The server closed this document.',
    body: 'Reload the page to try again.',
  },
};

/** Why the server ended the connection for good, and what to do; the editor is read-only now. */
export function ConnectionBanner({ reason }: { reason: TerminalReason }) {
  const message = MESSAGES[reason];
  const offerReload = reason === 'outdated' || reason === 'unauthenticated' || reason === 'refused';
  return (
    <div className={styles.banner} role="alert">
      <div>
        <p className={styles.bannerTitle}>{message.title}</p>
        <p className={styles.bannerBody}>{message.body}</p>
      </div>
      {offerReload ? (
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      ) : (
        <Link href="/" className="button">
          All documents
        </Link>
      )}
    </div>
  );
}
