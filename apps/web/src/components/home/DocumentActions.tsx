'use client';

import { useState, type ReactNode } from 'react';
import { deleteDocument, leaveDocument, renameDocument } from '../../lib/api/documents';
import type { DocumentSummary, User } from '../../lib/api/types';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { RenameDialog } from './RenameDialog';

/** What a row's buttons ask for; the dialogs that follow live here, once for the whole page. */
export interface RowActions {
  rename: (document: DocumentSummary) => void;
  remove: (document: DocumentSummary) => void;
  leave: (document: DocumentSummary) => void;
}

type Pending = { kind: 'rename' | 'remove' | 'leave'; document: DocumentSummary } | null;

interface Props {
  serverUrl: string;
  user: User;
  /** Called after a change, to list the documents again. */
  onChanged: () => void;
  children: (actions: RowActions) => ReactNode;
}

const shownTitle = (document: DocumentSummary) => document.title.trim() || 'Untitled';

/** Rename, delete (owner, confirmed) and leave (shared, confirmed) for the document lists. */
export function DocumentActions({ serverUrl, user, onChanged, children }: Props) {
  const [pending, setPending] = useState<Pending>(null);
  const close = () => setPending(null);
  const actions: RowActions = {
    rename: (document) => setPending({ kind: 'rename', document }),
    remove: (document) => setPending({ kind: 'remove', document }),
    leave: (document) => setPending({ kind: 'leave', document }),
  };
  const document = pending?.document;

  return (
    <>
      {children(actions)}
      <RenameDialog
        open={pending?.kind === 'rename'}
        initialTitle={document?.title ?? ''}
        onRename={async (title) => {
          await renameDocument(serverUrl, (document as DocumentSummary).id, title);
          close();
          onChanged();
        }}
        onCancel={close}
      />
      <ConfirmDialog
        open={pending?.kind === 'remove'}
        title="Delete this document?"
        description={
          <>
            “{document ? shownTitle(document) : ''}” will be deleted for everyone it is shared with, and cannot be brought
            back.
          </>
        }
        confirmLabel="Delete document"
        onConfirm={async () => {
          await deleteDocument(serverUrl, (document as DocumentSummary).id);
          close();
          onChanged();
        }}
        onCancel={close}
      />
      <ConfirmDialog
        open={pending?.kind === 'leave'}
        title="Leave this document?"
        description={<>You will no longer see “{document ? shownTitle(document) : ''}”. Its owner can share it with you again.</>}
        confirmLabel="Leave document"
        onConfirm={async () => {
          await leaveDocument(serverUrl, (document as DocumentSummary).id, user.id);
          close();
          onChanged();
        }}
        onCancel={close}
      />
    </>
  );
}
