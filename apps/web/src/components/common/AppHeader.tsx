import type { ReactNode } from 'react';
import type { User } from '../../lib/api/types';
import { AccountNav } from './AccountNav';
import styles from './app-header.module.css';
import { Wordmark } from './Wordmark';

interface Props {
  user: User;
  serverUrl: string;
  /** Page actions before the account links, e.g. "New document". */
  children?: ReactNode;
}

/** The header of the signed-in pages: logo, page actions, account links. */
export function AppHeader({ user, serverUrl, children }: Props) {
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Wordmark />
        <div className={styles.end}>
          {children}
          <AccountNav user={user} serverUrl={serverUrl} />
        </div>
      </div>
    </header>
  );
}
