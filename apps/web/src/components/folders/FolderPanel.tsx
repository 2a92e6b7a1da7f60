'use client';

import type { FolderView } from '@quire/api-contract';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type DragEvent } from 'react';
import { useApi } from '../../lib/api/api-context';
import { errorStatus } from '../../lib/api/client';
import { folderContentsQuery, useCreateFolder, useDeleteFolder, useMoveFolder, useRenameFolder } from '../../lib/api/folders';
import { ConfirmDialog } from '../common/ConfirmDialog';
import type { RowActions } from '../home/DocumentActions';
import { DocumentList } from '../home/DocumentList';
import { folderHref, pathTo, subtreeIds } from './folder-tree';
import { FolderIcon } from './FolderIcon';
import { FolderNameDialog } from './FolderNameDialog';
import { FolderShareDialog } from './FolderShareDialog';
import styles from './folders.module.css';
import { MoveToDialog } from './MoveToDialog';

type Dialog = 'subfolder' | 'rename' | 'move' | 'share' | 'delete' | null;

interface Props {
  folderId: string;
  /** The folder as the tree lists it, once listed. */
  folder: FolderView | undefined;
  folders: readonly FolderView[];
  actions: RowActions;
  /** Dropping a document or folder on the panel moves it into this folder. */
  dropTargetProps: {
    onDragOver: (event: DragEvent) => void;
    onDragLeave: () => void;
    onDrop: (event: DragEvent) => void;
    'data-drop-active': string | undefined;
  };
  onDeleted: () => void;
  onAnnounce: (message: string) => void;
}

/**
 * One folder's view: where it is (breadcrumbs), what its owner (or an editor) may do with it, the
 * folders in it and its documents.
 */
export function FolderPanel({ folderId, folder, folders, actions, dropTargetProps, onDeleted, onAnnounce }: Props) {
  const api = useApi();
  const contents = useQuery(folderContentsQuery(api, folderId));
  const createFolder = useCreateFolder();
  const renameFolder = useRenameFolder();
  const moveFolder = useMoveFolder();
  const deleteFolder = useDeleteFolder();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const shown = contents.data?.folder ?? folder;

  if (contents.error && !contents.data) {
    return (
      <div className={styles.panel}>
        <p className={styles.error} role="alert">
          {errorStatus(contents.error) === 404
            ? 'This folder does not exist, or it is not shared with you any more.'
            : `Could not open the folder: ${contents.error.message}`}
        </p>
        <Link href="/" className="button button--quiet">
          Back to all documents
        </Link>
      </div>
    );
  }
  if (!shown) {
    return (
      <div className={styles.panel} aria-busy="true">
        <p role="status">Opening the folder…</p>
      </div>
    );
  }

  const owner = shown.role === 'owner';
  const mayRename = owner || shown.role === 'editor';
  const path = pathTo(folders, folderId);
  const documents = contents.data?.documents ?? [];
  const children = contents.data?.folders ?? [];

  return (
    <div className={styles.panel} {...dropTargetProps} aria-labelledby="folder-panel-title">
      <nav aria-label="Folder path" className={styles.crumbs}>
        <ol>
          <li>
            <Link href="/">All documents</Link>
          </li>
          {(path.length > 0 ? path : [shown]).map((step) => (
            <li key={step.id}>
              <Link href={folderHref(step.id)} aria-current={step.id === folderId ? 'page' : undefined}>
                {step.name}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <h3 id="folder-panel-title" className={styles.panelTitle}>
        <FolderIcon /> {shown.name}
      </h3>
      <p className={styles.panelMeta}>
        {owner ? 'Your folder' : `Shared with you by ${shown.owner.name}: you ${shown.role === 'editor' ? 'can edit' : shown.role === 'commenter' ? 'can comment on' : 'can view'} what is in it`}
      </p>
      {mayRename ? (
        <div className={styles.panelActions}>
          {owner ? (
            <button type="button" className="button button--quiet" onClick={() => setDialog('subfolder')}>
              New folder inside
            </button>
          ) : null}
          <button type="button" className="button button--quiet" onClick={() => setDialog('rename')}>
            Rename
          </button>
          {owner ? (
            <>
              <button type="button" className="button button--quiet" onClick={() => setDialog('move')}>
                Move to…
              </button>
              <button type="button" className="button button--quiet" onClick={() => setDialog('share')}>
                Share folder
              </button>
              <button type="button" className="button button--quiet" onClick={() => setDialog('delete')}>
                Delete folder
              </button>
            </>
          ) : null}
        </div>
      ) : null}

      {children.length > 0 ? (
        <ul className={styles.children} aria-label={`Folders in ${shown.name}`}>
          {children.map((child) => (
            <li key={child.id}>
              <Link href={folderHref(child.id)} className={styles.treeLink}>
                <FolderIcon />
                <span className={styles.treeName}>{child.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {contents.data ? (
        documents.length > 0 ? (
          <DocumentList documents={documents} label={`Documents in ${shown.name}`} actions={actions} />
        ) : (
          <p className={styles.empty}>
            No documents in this folder yet.{owner ? ' Drag a document here, or use “Move to…” beside it.' : ''}
          </p>
        )
      ) : (
        <p role="status">Loading the documents…</p>
      )}

      <FolderNameDialog
        open={dialog === 'subfolder'}
        title={`New folder in “${shown.name}”`}
        submitLabel="Create"
        initialName=""
        onSubmit={async (name) => {
          await createFolder.mutateAsync({ name, parentId: folderId });
          close();
          onAnnounce(`Folder “${name}” created in “${shown.name}”.`);
        }}
        onCancel={close}
      />
      <FolderNameDialog
        open={dialog === 'rename'}
        title="Rename folder"
        submitLabel="Rename"
        initialName={shown.name}
        onSubmit={async (name) => {
          await renameFolder.mutateAsync({ id: folderId, name });
          close();
        }}
        onCancel={close}
      />
      <MoveToDialog
        open={dialog === 'move'}
        name={shown.name}
        folders={folders}
        excluded={subtreeIds(folders, folderId)}
        current={shown.parentId}
        onMove={async (parentId) => {
          await moveFolder.mutateAsync({ id: folderId, parentId });
          close();
          onAnnounce(`Moved “${shown.name}”.`);
        }}
        onCancel={close}
      />
      {owner ? <FolderShareDialog open={dialog === 'share'} folderId={folderId} name={shown.name} onClose={close} /> : null}
      <ConfirmDialog
        open={dialog === 'delete'}
        title={`Delete “${shown.name}”?`}
        description={
          <>
            The folder and the folders inside it are deleted. Their documents are <strong>not</strong> deleted: they move to
            the top level of My documents, and stop being shared through this folder.
          </>
        }
        confirmLabel="Delete folder"
        onConfirm={async () => {
          const { movedToTopLevel } = await deleteFolder.mutateAsync(folderId);
          close();
          onAnnounce(`Folder deleted; ${movedToTopLevel.length} ${movedToTopLevel.length === 1 ? 'document' : 'documents'} moved to the top level.`);
          onDeleted();
        }}
        onCancel={close}
      />
    </div>
  );
}
