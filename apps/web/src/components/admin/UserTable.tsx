'use client';

import { useCallback, useState } from 'react';
import { useApiResource } from '../../hooks/use-api-resource';
import { listUsers } from '../../lib/api/admin';
import type { User } from '../../lib/api/types';
import { formatDate, formatDateTime } from '../../lib/relative-time';
import forms from '../common/forms.module.css';
import styles from '../common/settings.module.css';
import { ResetPasswordDialog } from './ResetPasswordDialog';

/** Every account, oldest first, each with a password reset. */
export function UserTable({ serverUrl, self }: { serverUrl: string; self: User }) {
  const load = useCallback((signal: AbortSignal) => listUsers(serverUrl, signal), [serverUrl]);
  const users = useApiResource(load);
  const [resetting, setResetting] = useState<User | null>(null);

  if (users.state.kind === 'loading') return <p role="status">Loading users…</p>;
  if (users.state.kind === 'error') return <p className={forms.error}>Could not list the users: {users.state.error.message}</p>;

  return (
    <>
      {/* Scrolls sideways on a narrow screen rather than widening the page; focusable, so keyboards can scroll it. */}
      <div className={styles.tableScroll} role="region" aria-label="Table of users" tabIndex={0}>
        <table className={styles.table}>
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Joined</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.state.value.map((user) => (
              <tr key={user.id}>
                <td>
                  {user.name}
                  {user.isAdmin ? ' (administrator)' : ''}
                </td>
                <td>{user.email}</td>
                <td>
                  <time dateTime={user.createdAt} title={formatDateTime(new Date(user.createdAt))}>
                    {formatDate(new Date(user.createdAt))}
                  </time>
                </td>
                <td>
                  {user.id === self.id ? (
                    <span className={styles.itemMeta}>Change yours on your account page</span>
                  ) : (
                    <button type="button" className="button" onClick={() => setResetting(user)}>
                      Reset password<span className="visually-hidden"> of {user.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ResetPasswordDialog serverUrl={serverUrl} user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
