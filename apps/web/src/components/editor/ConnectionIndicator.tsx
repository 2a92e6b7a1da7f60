'use client';

import { saveStatus, type CollabSession, type ConnectionState } from '@quire/editor';
import { useUnsavedChanges } from '../../hooks/use-unsaved-changes';
import styles from './connection.module.css';

interface Props {
  session: CollabSession | null;
  connection: ConnectionState;
  /** The person may edit: then it says whether their changes are saved; a viewer hears about the connection. */
  editing: boolean;
  /** This document is kept on this device (IndexedDB): offline changes survive closing the tab. */
  localCopies: boolean;
}

/**
 * One live region for the connection and the saving state together, so they never disagree:
 * "Saved" only once the server has acknowledged storing every change, "Saving…", "Offline — N
 * changes saved on this device", "Can't reach the server — retrying". `data-state` is the
 * connection's state, `data-save` the saving state; terminal states are explained by the banner.
 * It alone re-renders as the count of unsaved changes moves with each keystroke.
 */
export function ConnectionIndicator({ session, connection, editing, localCopies }: Props) {
  const unsaved = useUnsavedChanges(session);
  const status = saveStatus(connection, unsaved, { editing, localCopies });
  return (
    <p className={styles.indicator} role="status" data-state={connection.status.kind} data-save={status.kind} data-unsaved={unsaved} title={status.detail}>
      <span className={styles.dot} aria-hidden="true" />
      {status.label}
    </p>
  );
}
