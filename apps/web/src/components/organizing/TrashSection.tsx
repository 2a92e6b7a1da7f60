'use client';

import type { TrashedDocumentView } from '@quire/api-contract';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNow } from '../../hooks/use-now';
import { useApi } from '../../lib/api/api-context';
import { trashQuery } from '../../lib/api/document-pages';
import { useDeleteForever, useRestoreDocument } from '../../lib/api/organizing';
import { formatDate, formatDateTime, formatRelativeTime } from '../../lib/relative-time';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ShowMoreButton } from '../common/ShowMoreButton';
import styles from './organizing.module.css';

const shown = (document: TrashedDocumentView) => document.title.trim() || 'Untitled';

/**
 * The person's trash: documents they deleted, restorable with everything they had until their
 * time runs out, or deleted for good at once (confirmed). Collapsed until opened.
 */
export function TrashSection() {
  const api = useApi();
  const pages = useInfiniteQuery(trashQuery(api));
  const { data, error } = pages;
  const restore = useRestoreDocument();
  const deleteForever = useDeleteForever();
  const [forever, setForever] = useState<TrashedDocumentView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const now = useNow();
  const documents = (data?.pages ?? []).flatMap((page) => page.documents);

  return (
    <section className={styles.trash} aria-labelledby="trash-title">
      <details>
        <summary className={styles.trashSummary}>
          <h2 id="trash-title" className={styles.shelfTitle}>
            Trash
          </h2>
          <span className={styles.count}>{documents.length === 1 && !pages.hasNextPage ? '1 document' : `${documents.length}${pages.hasNextPage ? '+' : ''} documents`}</span>
        </summary>
        {error && !data ? (
          <p className={styles.error} role="alert">
            The trash could not be listed: {error.message}.
          </p>
        ) : null}
        {problem ? (
          <p className={styles.error} role="alert">
            {problem}
          </p>
        ) : null}
        {data && documents.length === 0 ? <p className={styles.empty}>Deleted documents stay here for a while, so you can bring them back.</p> : null}
        {documents.length > 0 ? (
          <ul className={styles.trashList} aria-label="Trash">
            {documents.map((document) => {
              const deleted = new Date(document.deletedAt);
              return (
                <li key={document.id} className={styles.trashRow}>
                  <span className={styles.trashTitle}>{shown(document)}</span>
                  <span className={styles.cardMeta}>
                    Deleted{' '}
                    <time dateTime={document.deletedAt} title={formatDateTime(deleted)}>
                      {formatRelativeTime(deleted, now)}
                    </time>
                    ; gone for good on <time dateTime={document.purgeAt}>{formatDate(new Date(document.purgeAt))}</time>
                  </span>
                  <span className={styles.trashActions}>
                    <button
                      type="button"
                      className="button"
                      disabled={restore.isPending}
                      onClick={() => {
                        setProblem(null);
                        restore.mutate(document.id, { onError: (caught) => setProblem(`Could not restore “${shown(document)}”: ${caught.message}`) });
                      }}
                    >
                      Restore<span className="visually-hidden"> {shown(document)}</span>
                    </button>
                    <button type="button" className="button button--quiet" onClick={() => setForever(document)}>
                      Delete forever<span className="visually-hidden"> {shown(document)}</span>
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        ) : null}
        <ShowMoreButton query={pages} list="Trash" />
      </details>
      <ConfirmDialog
        open={forever !== null}
        title="Delete forever?"
        description={<>“{forever ? shown(forever) : ''}” will be deleted with its history and files. This cannot be undone.</>}
        confirmLabel="Delete forever"
        onConfirm={async () => {
          await deleteForever.mutateAsync((forever as TrashedDocumentView).id);
          setForever(null);
        }}
        onCancel={() => setForever(null)}
      />
    </section>
  );
}
