'use client';

import { mayEdit, type ListedDocumentView, type Role } from '@quire/api-contract';
import Link from 'next/link';
import { useNow } from '../../hooks/use-now';
import { formatDateTime, formatRelativeTime } from '../../lib/relative-time';
import { DRAG_TYPES } from '../folders/folder-tree';
import { StarButton } from '../organizing/StarButton';
import type { RowActions } from './DocumentActions';
import styles from './home.module.css';

const ROLE_LABELS: Record<Role, string> = { owner: 'Owner', editor: 'Can edit', commenter: 'Can comment', viewer: 'View only' };

interface Props {
  /** Each with whether the person starred it: its star toggle shows it. */
  documents: ListedDocumentView[];
  /** The list's accessible name. */
  label: string;
  actions: RowActions;
}

/**
 * Documents, most recently changed first: title, owner, the caller's role, when they last changed,
 * and what the caller may do (rename, delete, leave). Titles and names are text, never markup.
 */
export function DocumentList({ documents, label, actions }: Props) {
  const now = useNow();
  return (
    <ul className={styles.list} aria-label={label}>
      {documents.map((document) => {
        const updated = new Date(document.updatedAt);
        const title = document.title.trim() || 'Untitled';
        const owned = document.role === 'owner';
        return (
          <li
            key={document.id}
            className={styles.row}
            // The owner drags a document onto a folder (Move to… is the keyboard's way).
            draggable={owned && actions.move !== undefined}
            onDragStart={(event) => {
              event.dataTransfer.setData(DRAG_TYPES.document, document.id);
              event.dataTransfer.setData('text/plain', title);
              event.dataTransfer.effectAllowed = 'move';
            }}
          >
            <Link href={`/d/${encodeURIComponent(document.id)}`} className={styles.rowLink}>
              <svg className={styles.rowIcon} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                <path className={styles.rowIconPaper} d="M5 2.5h6.5L15 6v11.5H5z" stroke="currentColor" strokeWidth="1.3" />
                <path d="M7.5 9h5M7.5 11.5h5M7.5 14h3" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
              </svg>
              <span className={document.title.trim() ? styles.rowTitle : `${styles.rowTitle} ${styles.untitled}`}>{title}</span>
            </Link>
            <span className={styles.rowMeta}>
              <span className={styles.role} data-role={document.role}>
                {ROLE_LABELS[document.role]}
              </span>
              {!owned && document.owner ? <span className={styles.owner}>Owner: {document.owner.name}</span> : null}
              <span>
                Edited{' '}
                <time dateTime={document.updatedAt} title={formatDateTime(updated)}>
                  {formatRelativeTime(updated, now)}
                </time>
              </span>
            </span>
            <span className={styles.rowActions}>
              <StarButton documentId={document.id} title={title} starred={document.starred} />
              {mayEdit(document.role) ? (
                <button type="button" className="button button--quiet" onClick={() => actions.rename(document)}>
                  Rename<span className="visually-hidden"> {title}</span>
                </button>
              ) : null}
              {owned && actions.move ? (
                <button type="button" className="button button--quiet" onClick={() => actions.move?.(document)}>
                  Move to…<span className="visually-hidden"> {title}</span>
                </button>
              ) : null}
              {owned ? (
                <button type="button" className="button button--quiet" onClick={() => actions.remove(document)}>
                  Delete<span className="visually-hidden"> {title}</span>
                </button>
              ) : (
                <button type="button" className="button button--quiet" onClick={() => actions.leave(document)}>
                  Leave<span className="visually-hidden"> {title}</span>
                </button>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
