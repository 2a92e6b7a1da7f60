'use client';

import type { TerminalReason } from '@quire/editor';
import Link from 'next/link';
import styles from './connection.module.css';

interface Message {
  title: string;
  body: string;
}

function message(reason: TerminalReason, wasConnected: boolean, guest: boolean): Message {
  switch (reason) {
    case 'outdated':
      return {
        title: 'This editor is out of date — reload the page.',
        body: 'Quire was updated since this page was opened. Reload to keep editing with the new editor.',
      };
    case 'unauthenticated':
      return { title: 'You are signed out.', body: 'Sign in again to keep working on this document.' };
    case 'forbidden':
      return wasConnected
        ? {
            title: 'Your access to this document was removed.',
            body: guest ? 'The link you opened was turned off. Ask for a new one.' : 'Ask its owner to share it with you again.',
          }
        : { title: 'You do not have access to this document.', body: 'Ask its owner to share it with you.' };
    case 'not-found':
      return {
        title: 'This document does not exist or was deleted.',
        body: guest ? 'The link may be wrong or turned off.' : 'It may have been deleted, or it was never shared with you.',
      };
    case 'refused':
      return { title: 'The server closed this document.', body: 'Reload the page to try again.' };
  }
}

interface Props {
  reason: TerminalReason;
  /** Whether the page had been connected: "access removed" rather than "no access". */
  wasConnected: boolean;
  /** Sign-in page that comes back here. */
  signInHref: string;
  /** A guest through a share link (no account, nothing of their own to go back to). */
  guest: boolean;
}

/** Why the server ended the connection for good, and what to do; the editor is read-only now. */
export function ConnectionBanner({ reason, wasConnected, signInHref, guest }: Props) {
  const { title, body } = message(reason, wasConnected, guest);
  return (
    <div className={styles.banner} role="alert" data-reason={reason}>
      <div>
        <p className={styles.bannerTitle}>{title}</p>
        <p className={styles.bannerBody}>{body}</p>
      </div>
      {reason === 'outdated' || reason === 'refused' ? (
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      ) : reason === 'unauthenticated' ? (
        <Link href={signInHref} className="button button--primary">
          Sign in
        </Link>
      ) : guest ? null : (
        <Link href="/" className="button">
          All documents
        </Link>
      )}
    </div>
  );
}
