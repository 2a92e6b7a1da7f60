'use client';

import type { DocumentView, UserView } from '@quire/api-contract';
import { useState, type ReactNode } from 'react';
import { useDeleteDocument, useLeaveDocument, useRenameDocument } from '../../lib/api/documents';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { MoveDocumentDialog } from '../folders/MoveDocumentDialog';
import { RenameDialog } from './RenameDialog';

/** What a row's buttons ask for; the dialogs that follow live here, once for the whole page. */
export interface RowActions {
  rename: (document: DocumentView) => void;
  remove: (document: DocumentView) => void;
  leave: (document: DocumentView) => void;
  /** Into one of the owner's folders, or out of them (the owner's rows only). */
  move?: (document: DocumentView) => void;
}

type Pending = { kind: 'rename' | 'remove' | 'leave' | 'move'; document: DocumentView } | null;

interface Props {
  user: UserView;
  children: (actions: RowActions) => ReactNode;
}

const shownTitle = (document: DocumentView) => document.title.trim() || 'Untitled';

/**
 * Rename, delete (owner, confirmed) and leave (shared, confirmed) for the document lists; each
 * dialog closes once the lists show the change.
 */
export function DocumentActions({ user, children }: Props) {
  const rename = useRenameDocument();
  const remove = useDeleteDocument();
  const leave = useLeaveDocument();
  const [pending, setPending] = useState<Pending>(null);
  const close = () => setPending(null);
  const actions: RowActions = {
    rename: (document) => setPending({ kind: 'rename', document }),
    remove: (document) => setPending({ kind: 'remove', document }),
    leave: (document) => setPending({ kind: 'leave', document }),
    move: (document) => setPending({ kind: 'move', document }),
  };
  const document = pending?.document;

  return (
    <>
      {children(actions)}
      <RenameDialog
        open={pending?.kind === 'rename'}
        initialTitle={document?.title ?? ''}
        onRename={async (title) => {
          await rename.mutateAsync({ id: (document as DocumentView).id, title });
          close();
        }}
        onCancel={close}
      />
      <ConfirmDialog
        open={pending?.kind === 'remove'}
        title="Delete this document?"
        description={
          <>
            “{document ? shownTitle(document) : ''}” moves to your Trash and disappears for everyone it is shared with. You
            can restore it from the Trash, with its history and sharing, until its time there runs out.
          </>
        }
        confirmLabel="Delete document"
        onConfirm={async () => {
          await remove.mutateAsync((document as DocumentView).id);
          close();
        }}
        onCancel={close}
      />
      <MoveDocumentDialog document={pending?.kind === 'move' ? document : undefined} onDone={close} />
      <ConfirmDialog
        open={pending?.kind === 'leave'}
        title="Leave this document?"
        description={<>You will no longer see “{document ? shownTitle(document) : ''}”. Its owner can share it with you again.</>}
        confirmLabel="Leave document"
        onConfirm={async () => {
          await leave.mutateAsync({ id: (document as DocumentView).id, userId: user.id });
          close();
        }}
        onCancel={close}
      />
    </>
  );
}
