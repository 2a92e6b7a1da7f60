import type { UserView } from '@quire/api-contract';
import type { ReactNode } from 'react';
import { SearchButton } from '../search/SearchButton';
import { AccountMenu } from './AccountMenu';
import styles from './app-header.module.css';
import { Wordmark } from './Wordmark';

interface Props {
  user: UserView;
  /** Page actions before the account menu, e.g. "New document". */
  children?: ReactNode;
}

/** The header of the signed-in pages: logo, page actions, the account menu. */
export function AppHeader({ user, children }: Props) {
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Wordmark />
        <div className={styles.end}>
          <SearchButton />
          {children}
          <AccountMenu user={user} />
        </div>
      </div>
    </header>
  );
}
