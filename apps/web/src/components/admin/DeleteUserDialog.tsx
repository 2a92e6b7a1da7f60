'use client';

import type { UserView } from '@quire/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { usersQuery } from '../../lib/api/admin';
import { useApi } from '../../lib/api/api-context';
import { ownedDocumentsQuery, useDeleteUser } from '../../lib/api/people';
import { Dialog } from '../common/Dialog';
import { FormError } from '../common/FormError';
import forms from '../common/forms.module.css';
import styles from '../common/settings.module.css';

interface Props {
  /** The account to delete; null when closed. */
  user: UserView | null;
  onClose: () => void;
}

/** Says which documents the account owns, lets the administrator hand them to someone or delete them, then deletes the account. */
export function DeleteUserDialog({ user, onClose }: Props) {
  const api = useApi();
  const owned = useQuery({ ...ownedDocumentsQuery(api, user?.id ?? ''), enabled: user !== null });
  const users = useQuery({ ...usersQuery(api), enabled: user !== null });
  const deleteUser = useDeleteUser();
  const [heirId, setHeirId] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const heirField = useId();

  useEffect(() => {
    setHeirId('');
    setError(null);
    setPending(false);
  }, [user]);

  const heirs = (users.data ?? []).filter((candidate) => candidate.id !== user?.id && !candidate.disabled);
  const documents = owned.data ?? [];

  async function confirm() {
    if (!user || pending) return;
    setPending(true);
    setError(null);
    try {
      await deleteUser.mutateAsync({ userId: user.id, heirId: documents.length > 0 && heirId ? heirId : null });
      onClose();
    } catch (caught) {
      setError((caught as Error).message);
      setPending(false);
    }
  }

  const name = user?.name ?? '';
  const heirName = heirs.find((candidate) => candidate.id === heirId)?.name;
  return (
    <Dialog
      open={user !== null}
      title={`Delete ${name}’s account?`}
      description={`${name} is signed out everywhere and can never sign in again; their API tokens, memberships and folders go. This cannot be undone.`}
      onCancel={onClose}
    >
      <FormError message={error} />
      {owned.error ? (
        <p className={forms.error}>Could not list their documents: {owned.error.message}</p>
      ) : !owned.data ? (
        <p role="status">Listing their documents…</p>
      ) : documents.length === 0 ? (
        <p>{name} owns no documents.</p>
      ) : (
        <>
          <p id={`${heirField}-list`}>
            {name} owns {documents.length === 1 ? 'this document' : `these ${documents.length} documents`}:
          </p>
          <ul className={styles.text} aria-labelledby={`${heirField}-list`} data-testid="owned-documents">
            {documents.map((document) => (
              <li key={document.id}>
                {document.title || 'Untitled'}
                {document.trashed ? ' (in the trash)' : ''}
              </li>
            ))}
          </ul>
          <div className={forms.field}>
            <label htmlFor={heirField} className={forms.label}>
              What happens to them
            </label>
            <select id={heirField} className={forms.input} value={heirId} onChange={(event) => setHeirId(event.target.value)}>
              <option value="">Delete them for good, with their history</option>
              {heirs.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  Give them to {candidate.name} ({candidate.email})
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <div className={`${forms.actions} ${forms.spaced}`}>
        <button type="button" className="button button--quiet" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className="button button--danger" onClick={confirm} aria-disabled={pending || !owned.data}>
          {pending
            ? 'Deleting…'
            : documents.length === 0
              ? 'Delete the account'
              : heirName
                ? `Delete the account, give the documents to ${heirName}`
                : 'Delete the account and its documents'}
        </button>
      </div>
    </Dialog>
  );
}
