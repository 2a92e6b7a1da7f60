'use client';

import type { UserView } from '@quire/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { usersQuery } from '../../lib/api/admin';
import { useApi } from '../../lib/api/api-context';
import { formatDate, formatDateTime } from '../../lib/relative-time';
import forms from '../common/forms.module.css';
import styles from '../common/settings.module.css';
import { ResetPasswordDialog } from './ResetPasswordDialog';

/** Every account, oldest first, each with a password reset. */
export function UserTable({ self }: { self: UserView }) {
  const api = useApi();
  const users = useQuery(usersQuery(api));
  const [resetting, setResetting] = useState<UserView | null>(null);

  if (!users.data) {
    return users.error ? <p className={forms.error}>Could not list the users: {users.error.message}</p> : <p role="status">Loading users…</p>;
  }

  return (
    <>
      {/*
        Scrolls sideways if it is still too wide rather than widening the page; focusable, so keyboards
        can scroll it. On a phone each person is a block of their own (settings.module.css, .stacked):
        the explicit roles keep it a table for screen readers, which some browsers stop seeing as one
        once its display changes.
      */}
      <div className={styles.tableScroll} role="region" aria-label="Table of users" tabIndex={0}>
        <table className={`${styles.table} ${styles.stacked}`} role="table">
          <caption className="visually-hidden">Users</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                Name
              </th>
              <th scope="col" role="columnheader">
                Email
              </th>
              <th scope="col" role="columnheader">
                Joined
              </th>
              <th scope="col" role="columnheader">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {users.data.map((user) => (
              <tr key={user.id} role="row">
                <td role="cell">
                  {user.name}
                  {user.isAdmin ? ' (administrator)' : ''}
                </td>
                <td role="cell">{user.email}</td>
                <td role="cell" data-label="Joined">
                  <time dateTime={user.createdAt} title={formatDateTime(new Date(user.createdAt))}>
                    {formatDate(new Date(user.createdAt))}
                  </time>
                </td>
                <td role="cell">
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
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
