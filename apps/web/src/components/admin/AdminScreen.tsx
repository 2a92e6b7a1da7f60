'use client';

import type { UserView } from '@quire/api-contract';
import { AppHeader } from '../common/AppHeader';
import { RequireAccount } from '../common/RequireAccount';
import styles from '../common/settings.module.css';
import { SecurityEventList } from './SecurityEventList';
import { ResetRequestList } from './ResetRequestList';
import { SignupSwitch } from './SignupSwitch';
import { UserTable } from './UserTable';

/** /admin: every account, password resets, recent security events. Administrators only (the server checks too). */
export function AdminScreen() {
  return <RequireAccount action="open the administration page">{(user) => <Administration user={user} />}</RequireAccount>;
}

function Administration({ user }: { user: UserView }) {
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className={styles.main}>
        <h1 className={styles.title}>Administration</h1>
        {user.isAdmin ? (
          <>
            <p className={styles.lead}>Everyone with an account on this Quire.</p>
            <section className={styles.card} aria-labelledby="users-title">
              <h2 id="users-title" className={styles.cardTitle}>
                Users
              </h2>
              <UserTable self={user} />
            </section>
            <section className={styles.card} aria-labelledby="reset-requests-title">
              <h2 id="reset-requests-title" className={styles.cardTitle}>
                Password reset requests
              </h2>
              <p className={styles.text}>People who forgot their password ask here from the sign-in page (Quire sends no email). Reset it and give them the temporary password.</p>
              <ResetRequestList />
            </section>
            <section className={styles.card} aria-labelledby="signup-title">
              <h2 id="signup-title" className={styles.cardTitle}>
                Sign-up
              </h2>
              <SignupSwitch />
            </section>
            <section className={styles.card} aria-labelledby="events-title">
              <h2 id="events-title" className={styles.cardTitle}>
                Recent security events
              </h2>
              <SecurityEventList labelledBy="events-title" />
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
