'use client';

import type { ConnectionStatus } from '@quire/editor';
import styles from './connection.module.css';

const LABELS: Record<Exclude<ConnectionStatus['kind'], 'closed'>, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

const DETAILS: Partial<Record<ConnectionStatus['kind'], string>> = {
  connected: 'Changes are saved and shared as you type.',
  reconnecting: 'The connection was lost. Keep this tab open: your changes are kept and sync when it is back.',
  offline: 'You are offline. Keep this tab open: your changes are kept and sync when you are back online.',
};

/** A small live region with the connection state; terminal states are shown by the banner. */
export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  const label = status.kind === 'closed' ? 'Disconnected' : LABELS[status.kind];
  return (
    <p className={styles.indicator} role="status" data-state={status.kind} title={DETAILS[status.kind]}>
      <span className={styles.dot} aria-hidden="true" />
      {label}
    </p>
  );
}
