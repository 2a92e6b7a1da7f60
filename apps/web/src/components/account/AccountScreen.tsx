'use client';

import { useState } from 'react';
import type { User } from '../../lib/api/types';
import { AppHeader } from '../common/AppHeader';
import { RequireAccount } from '../common/RequireAccount';
import styles from '../common/settings.module.css';
import { ApiTokens } from './ApiTokens';
import { NameForm } from './NameForm';
import { PasswordForm } from './PasswordForm';

/** /account: the name others see, the password, and personal API tokens for scripts. */
export function AccountScreen({ configuredServerUrl }: { configuredServerUrl: string | null }) {
  return (
    <RequireAccount configuredServerUrl={configuredServerUrl} action="open your account">
      {({ user, serverUrl }) => <AccountSettings initialUser={user} serverUrl={serverUrl} />}
    </RequireAccount>
  );
}

function AccountSettings({ initialUser, serverUrl }: { initialUser: User; serverUrl: string }) {
  // The header shows the new name as soon as it is saved.
  const [user, setUser] = useState(initialUser);
  // A password change that revoked the tokens makes their list stale: a new key reads it again.
  const [tokensRead, setTokensRead] = useState(0);
  return (
    <>
      <AppHeader user={user} serverUrl={serverUrl} />
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
          <NameForm serverUrl={serverUrl} user={user} onSaved={setUser} />
        </section>
        <section className={styles.card} aria-labelledby="password-title">
          <h2 id="password-title" className={styles.cardTitle}>
            Password
          </h2>
          <PasswordForm serverUrl={serverUrl} onChanged={(revokedTokens) => revokedTokens && setTokensRead((count) => count + 1)} />
        </section>
        <section className={styles.card} aria-labelledby="tokens-title">
          <h2 id="tokens-title" className={styles.cardTitle}>
            API tokens
          </h2>
          <ApiTokens key={tokensRead} serverUrl={serverUrl} />
        </section>
      </main>
    </>
  );
}
