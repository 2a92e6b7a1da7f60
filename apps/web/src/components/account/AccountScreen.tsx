'use client';

import type { UserView } from '@quire/api-contract';
import { AppHeader } from '../common/AppHeader';
import { RequireAccount } from '../common/RequireAccount';
import styles from '../common/settings.module.css';
import { ApiTokens } from './ApiTokens';
import { NameForm } from './NameForm';
import { PasswordForm } from './PasswordForm';

/** /account: the name others see, the password, and personal API tokens for scripts. */
export function AccountScreen() {
  return <RequireAccount action="open your account">{(user) => <AccountSettings user={user} />}</RequireAccount>;
}

function AccountSettings({ user }: { user: UserView }) {
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className={styles.main}>
        <h1 className={styles.title}>Your account</h1>
        <p className={styles.lead}>
          Signed in as <strong>{user.email}</strong>
          {user.isAdmin ? ' (administrator)' : ''}.
        </p>
        <section className={styles.card} aria-labelledby="name-title">
          <h2 id="name-title" className={styles.cardTitle}>
            Name
          </h2>
          <NameForm user={user} />
        </section>
        <section className={styles.card} aria-labelledby="password-title">
          <h2 id="password-title" className={styles.cardTitle}>
            Password
          </h2>
          <PasswordForm />
        </section>
        <section className={styles.card} aria-labelledby="tokens-title">
          <h2 id="tokens-title" className={styles.cardTitle}>
            API tokens
          </h2>
          <ApiTokens />
        </section>
      </main>
    </>
  );
}
