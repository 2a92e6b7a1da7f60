'use client';

import type { User } from '../../lib/api/types';
import { AppHeader } from '../common/AppHeader';
import { RequireAccount } from '../common/RequireAccount';
import styles from '../common/settings.module.css';
import { SecurityEventList } from './SecurityEventList';
import { UserTable } from './UserTable';

/** /admin: every account, password resets, recent security events. Administrators only (the server checks too). */
export function AdminScreen({ configuredServerUrl }: { configuredServerUrl: string | null }) {
  return (
    <RequireAccount configuredServerUrl={configuredServerUrl} action="open the administration page">
      {({ user, serverUrl }) => <Administration user={user} serverUrl={serverUrl} />}
    </RequireAccount>
  );
}

function Administration({ user, serverUrl }: { user: User; serverUrl: string }) {
  return (
    <>
      <AppHeader user={user} serverUrl={serverUrl} />
      <main id="main" className={styles.main}>
        <h1 className={styles.title}>Administration</h1>
        {user.isAdmin ? (
          <>
            <p className={styles.lead}>Everyone with an account on this Quire.</p>
            <section className={styles.card} aria-labelledby="users-title">
              <h2 id="users-title" className={styles.cardTitle}>
                Users
              </h2>
              <UserTable serverUrl={serverUrl} self={user} />
            </section>
            <section className={styles.card} aria-labelledby="events-title">
              <h2 id="events-title" className={styles.cardTitle}>
                Recent security events
              </h2>
              <SecurityEventList serverUrl={serverUrl} labelledBy="events-title" />
            </section>
          </>
        ) : (
          <p role="alert" className={styles.lead}>
            Only the administrator can see this page.
          </p>
        )}
      </main>
    </>
  );
}
