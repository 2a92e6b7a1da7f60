'use client';

import type { UserView } from '@quire/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { usersQuery } from '../../lib/api/admin';
import { useApi } from '../../lib/api/api-context';
import { formatDate, formatDateTime } from '../../lib/relative-time';
import forms from '../common/forms.module.css';
import styles from '../common/settings.module.css';
import admin from './admin.module.css';
import { useSetDisabled } from '../../lib/api/people';
import { DeleteUserDialog } from './DeleteUserDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';

/** Every account, oldest first, each with a password reset. */
export function UserTable({ self }: { self: UserView }) {
  const api = useApi();
  const users = useQuery(usersQuery(api));
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [deleting, setDeleting] = useState<UserView | null>(null);
  const setDisabled = useSetDisabled();
  const [error, setError] = useState<string | null>(null);

  async function toggle(user: UserView) {
    setError(null);
    try {
      await setDisabled.mutateAsync({ userId: user.id, disabled: !user.disabled });
    } catch (caught) {
      setError(`Could not ${user.disabled ? 'enable' : 'disable'} ${user.name}: ${(caught as Error).message}`);
    }
  }

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
                  {user.disabled ? <span className={admin.disabledTag}> Disabled</span> : null}
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
                    <span className={admin.rowActions}>
                      <button type="button" className="button" onClick={() => setResetting(user)}>
                        Reset password<span className="visually-hidden"> of {user.name}</span>
                      </button>
                      <button type="button" className="button" onClick={() => toggle(user)} aria-disabled={setDisabled.isPending}>
                        {user.disabled ? 'Enable' : 'Disable'}
                        <span className="visually-hidden"> the account of {user.name}</span>
                      </button>
                      <button type="button" className="button button--danger" onClick={() => setDeleting(user)}>
                        Delete…<span className="visually-hidden"> the account of {user.name}</span>
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error ? (
        <p role="alert" className={forms.error}>
          {error}
        </p>
      ) : null}
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
      <DeleteUserDialog user={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
