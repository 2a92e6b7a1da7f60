'use client';

import type { FolderView } from '@quire/api-contract';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState, type DragEvent } from 'react';
import { useApi } from '../../lib/api/api-context';
import { foldersQuery, useCreateFolder, useMoveDocument, useMoveFolder } from '../../lib/api/folders';
import type { RowActions } from '../home/DocumentActions';
import home from '../home/home.module.css';
import { buildFolderTree, DRAG_TYPES, folderHref, subtreeIds, type FolderNode } from './folder-tree';
import { FolderIcon } from './FolderIcon';
import { FolderNameDialog } from './FolderNameDialog';
import { FolderPanel } from './FolderPanel';
import styles from './folders.module.css';

interface Props {
  actions: RowActions;
}

/** What a drop carries, read from the drag's data types. */
function dropped(event: DragEvent): { kind: 'document' | 'folder'; id: string } | null {
  const documentId = event.dataTransfer.getData(DRAG_TYPES.document);
  if (documentId) return { kind: 'document', id: documentId };
  const folderId = event.dataTransfer.getData(DRAG_TYPES.folder);
  return folderId ? { kind: 'folder', id: folderId } : null;
}

const carriesOurs = (event: DragEvent) => event.dataTransfer.types.includes(DRAG_TYPES.document) || event.dataTransfer.types.includes(DRAG_TYPES.folder);

/**
 * The Folders section of the home page: the caller's folders and those shared with them as a tree,
 * the open folder (`?folder=`) with its documents, and moving documents and folders by dragging
 * them onto a folder (or onto “Top level”), or with “Move to…” from the keyboard. What a move did is
 * announced.
 */
export function FoldersSection({ actions }: Props) {
  const api = useApi();
  const router = useRouter();
  const selectedId = useSearchParams().get('folder');
  const { data: folders, error } = useQuery(foldersQuery(api));
  const createFolder = useCreateFolder();
  const moveDocument = useMoveDocument();
  const moveFolder = useMoveFolder();
  const [creating, setCreating] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [moveError, setMoveError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [dropTarget, setDropTarget] = useState<string | null>(null);

  // The Top level target shows while one of ours is dragged, from this section or a document list.
  useEffect(() => {
    const start = (event: globalThis.DragEvent) => {
      const types = event.dataTransfer?.types ?? [];
      if (types.includes(DRAG_TYPES.document) || types.includes(DRAG_TYPES.folder)) setDragging(true);
    };
    const end = () => {
      setDragging(false);
      setDropTarget(null);
    };
    window.addEventListener('dragstart', start);
    window.addEventListener('dragend', end);
    window.addEventListener('drop', end);
    return () => {
      window.removeEventListener('dragstart', start);
      window.removeEventListener('dragend', end);
      window.removeEventListener('drop', end);
    };
  }, []);

  const all = folders ?? [];
  const nameOf = (id: string | null) => (id === null ? 'the top level' : `“${all.find((folder) => folder.id === id)?.name ?? 'the folder'}”`);

  async function drop(event: DragEvent, targetId: string | null) {
    event.preventDefault();
    event.stopPropagation();
    setDropTarget(null);
    setDragging(false);
    const item = dropped(event);
    if (!item) return;
    setMoveError(null);
    try {
      if (item.kind === 'document') {
        await moveDocument.mutateAsync({ documentId: item.id, folderId: targetId });
        setAnnouncement(`Moved the document to ${nameOf(targetId)}.`);
      } else {
        if (targetId !== null && subtreeIds(all, item.id).has(targetId)) {
          setMoveError('A folder cannot go into itself or a folder inside it.');
          return;
        }
        await moveFolder.mutateAsync({ id: item.id, parentId: targetId });
        setAnnouncement(`Moved ${nameOf(item.id)} to ${nameOf(targetId)}.`);
      }
    } catch (caught) {
      setMoveError(`Could not move it: ${(caught as Error).message}`);
    }
  }

  /** Props that make an element a drop target for `targetId` (null: the top level). */
  const dropTargetProps = (targetId: string | null, key: string) => ({
    onDragOver: (event: DragEvent) => {
      if (!carriesOurs(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      if (dropTarget !== key) setDropTarget(key);
    },
    onDragLeave: () => setDropTarget((current) => (current === key ? null : current)),
    onDrop: (event: DragEvent) => void drop(event, targetId),
    'data-drop-active': dropTarget === key ? 'true' : undefined,
  });

  function renderNodes(nodes: readonly FolderNode[], label?: string) {
    return (
      <ul className={styles.tree} aria-label={label}>
        {nodes.map(({ folder, children }) => (
          <li key={folder.id}>
            <div className={styles.treeRow} {...dropTargetProps(folder.id, folder.id)}>
              <Link
                href={folderHref(folder.id)}
                className={styles.treeLink}
                aria-current={folder.id === selectedId ? 'page' : undefined}
                draggable={folder.role === 'owner'}
                onDragStart={(event) => {
                  event.dataTransfer.setData(DRAG_TYPES.folder, folder.id);
                  event.dataTransfer.setData('text/plain', folder.name);
                  event.dataTransfer.effectAllowed = 'move';
                }}
              >
                <FolderIcon />
                <span className={styles.treeName}>{folder.name}</span>
                {folder.role !== 'owner' ? <SharedTag folder={folder} /> : null}
              </Link>
            </div>
            {children.length > 0 ? renderNodes(children) : null}
          </li>
        ))}
      </ul>
    );
  }

  const tree = buildFolderTree(all);
  const selected = selectedId ? all.find((folder) => folder.id === selectedId) : undefined;

  return (
    <section className={`${home.section} ${styles.section}`} aria-labelledby="folders-title">
      <div className={home.sectionHead}>
        <h2 id="folders-title" className={home.sectionTitle}>
          Folders
        </h2>
        <button type="button" className="button button--quiet" onClick={() => setCreating(true)}>
          New folder
        </button>
      </div>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <div role="alert">{moveError ? <p className={styles.error}>{moveError}</p> : null}</div>
      {error && !folders ? <p className={styles.error}>Could not list the folders: {error.message}</p> : null}
      <div className={styles.layout}>
        <nav className={styles.treeBox} aria-label="Folders">
          {folders && tree.length === 0 ? <p className={styles.empty}>No folders yet. Make one to group documents, then share it.</p> : null}
          {tree.length > 0 ? renderNodes(tree) : null}
          {dragging ? (
            <div className={styles.topLevelTarget} {...dropTargetProps(null, 'top-level')}>
              Top level (out of folders)
            </div>
          ) : null}
        </nav>
        {selectedId ? (
          <FolderPanel
            folderId={selectedId}
            folder={selected}
            folders={all}
            actions={actions}
            dropTargetProps={dropTargetProps(selectedId, `panel-${selectedId}`)}
            onDeleted={() => router.push('/')}
            onAnnounce={setAnnouncement}
          />
        ) : null}
      </div>
      <FolderNameDialog
        open={creating}
        title="New folder"
        submitLabel="Create"
        initialName=""
        onSubmit={async (name) => {
          const made = await createFolder.mutateAsync({ name, parentId: null });
          setCreating(false);
          setAnnouncement(`Folder “${made.name}” created.`);
        }}
        onCancel={() => setCreating(false)}
      />
    </section>
  );
}

function SharedTag({ folder }: { folder: FolderView }) {
  return <span className={styles.sharedTag}>Shared by {folder.owner.name}</span>;
}
