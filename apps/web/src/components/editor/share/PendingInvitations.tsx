'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNow } from '../../../hooks/use-now';
import { useApi } from '../../../lib/api/api-context';
import { invitationsQuery, useCancelInvitation } from '../../../lib/api/people';
import { formatDate } from '../../../lib/relative-time';
import { SHARE_ROLE_LABELS } from './RoleSelect';
import styles from './share.module.css';

/** Invitations of emails that have no account yet, each until it is used, cancelled or 14 days old. */
export function PendingInvitations({ documentId, open }: { documentId: string; open: boolean }) {
  const api = useApi();
  const now = useNow();
  const invitations = useQuery({ ...invitationsQuery(api, documentId), enabled: open });
  const cancel = useCancelInvitation(documentId);
  const [error, setError] = useState<string | null>(null);

  if (invitations.error) return <p className={styles.error}>Could not list the invitations: {invitations.error.message}</p>;
  const pending = (invitations.data ?? []).filter((invitation) => Date.parse(invitation.expiresAt) > now.getTime());
  if (pending.length === 0) return null;

  async function cancelOne(id: string) {
    setError(null);
    try {
      await cancel.mutateAsync(id);
    } catch (caught) {
      setError(`Could not cancel the invitation: ${(caught as Error).message}`);
    }
  }

  return (
    <>
      <h4 className={styles.subheading}>Invited, no account yet</h4>
      <ul className={styles.list} aria-label="Pending invitations">
        {pending.map((invitation) => (
          <li key={invitation.id} className={styles.item} data-invitation-email={invitation.email}>
            <span className={styles.person}>
              <span className={styles.name}>{invitation.email}</span>
              <span className={styles.email}>
                {SHARE_ROLE_LABELS[invitation.role]} · link works until <time dateTime={invitation.expiresAt}>{formatDate(new Date(invitation.expiresAt))}</time>
              </span>
            </span>
            <span className={styles.controls}>
              <button type="button" className="button button--quiet" onClick={() => cancelOne(invitation.id)}>
                Cancel<span className="visually-hidden"> the invitation of {invitation.email}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
    </>
  );
}
