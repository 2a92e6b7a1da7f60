'use client';

import type { ResetRequestView, UserView } from '@quire/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { usersQuery } from '../../lib/api/admin';
import { useApi } from '../../lib/api/api-context';
import { resetRequestsQuery, useDismissResetRequest } from '../../lib/api/people';
import { formatDateTime } from '../../lib/relative-time';
import forms from '../common/forms.module.css';
import styles from '../common/settings.module.css';
import { ResetPasswordDialog } from './ResetPasswordDialog';

/** Password reset requests from the sign-in page: reset that account's password, or dismiss the request. */
export function ResetRequestList() {
  const api = useApi();
  const requests = useQuery({ ...resetRequestsQuery(api), refetchInterval: 30_000 });
  const users = useQuery(usersQuery(api));
  const dismiss = useDismissResetRequest();
  const [resetting, setResetting] = useState<{ user: UserView; request: ResetRequestView } | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (!requests.data) {
    return requests.error ? <p className={forms.error}>Could not list the requests: {requests.error.message}</p> : <p role="status">Loading requests…</p>;
  }

  async function dismissOne(id: string) {
    setError(null);
    try {
      await dismiss.mutateAsync(id);
    } catch (caught) {
      setError(`Could not dismiss the request: ${(caught as Error).message}`);
    }
  }

  return (
    <>
      {/* The dialog stays mounted when the last request is answered: it still shows the new password. */}
      {requests.data.length === 0 ? <p className={styles.empty}>Nobody has asked for a new password.</p> : null}
      <ul className={styles.list} aria-label="Password reset requests" hidden={requests.data.length === 0}>
        {requests.data.map((request) => {
          const user = users.data?.find((candidate) => candidate.id === request.user?.id);
          return (
            <li key={request.id} className={styles.item} data-reset-email={request.email}>
              <div className={styles.itemMain}>
                <span className={styles.itemTitle}>{request.user ? `${request.user.name} (${request.email})` : request.email}</span>
                <span className={styles.itemMeta}>
                  Asked <time dateTime={request.requestedAt}>{formatDateTime(new Date(request.requestedAt))}</time>
                  {request.user ? '' : ' · no account uses this email'}
                </span>
              </div>
              {user ? (
                <button type="button" className="button" onClick={() => setResetting({ user, request })}>
                  Reset password<span className="visually-hidden"> of {user.name}</span>
                </button>
              ) : null}
              <button type="button" className="button button--quiet" onClick={() => dismissOne(request.id)}>
                Dismiss<span className="visually-hidden"> the request for {request.email}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p role="alert" className={forms.error}>
          {error}
        </p>
      ) : null}
      <ResetPasswordDialog
        user={resetting?.user ?? null}
        onClose={() => setResetting(null)}
        // Answered: the request is done.
        onReset={() => {
          if (resetting) void dismissOne(resetting.request.id);
        }}
      />
    </>
  );
}
