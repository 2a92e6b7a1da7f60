'use client';

import type { UserView } from '@quire/api-contract';
import Link from 'next/link';
import { useState } from 'react';
import { useApi } from '../../lib/api/api-context';
import { signOut } from '../../lib/api/auth';
import styles from './app-header.module.css';

/** Who is signed in, with their account page, the admin page for administrators, and sign out. */
export function AccountNav({ user }: { user: UserView }) {
  const api = useApi();
  const [pending, setPending] = useState(false);

  async function leave() {
    if (pending) return;
    setPending(true);
    try {
      await signOut(api);
    } finally {
      // A full load, so nothing of this account stays in memory.
      window.location.assign('/signin');
    }
  }

  return (
    <nav className={styles.nav} aria-label="Account">
      <Link href="/account" className={styles.navLink} title="Your account">
        <span className="visually-hidden">Account: </span>
        <span className={styles.userName}>{user.name}</span>
      </Link>
      {user.isAdmin ? (
        <Link href="/admin" className={styles.navLink}>
          Admin
        </Link>
      ) : null}
      <button type="button" className="button button--quiet" onClick={leave} aria-disabled={pending}>
        Sign out
      </button>
    </nav>
  );
}
