'use client';

import type { UserView } from '@quire/api-contract';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useApi } from '../../lib/api/api-context';
import { isUnreachable } from '../../lib/api/client';
import { ownedDocumentsQuery, sharedDocumentsQuery } from '../../lib/api/document-pages';
import { AppHeader } from '../common/AppHeader';
import { ServerUnreachable } from '../common/ServerUnreachable';
import { ShowMoreButton } from '../common/ShowMoreButton';
import { FoldersSection } from '../folders/FoldersSection';
import { ShelfSections } from '../organizing/ShelfSections';
import { TrashSection } from '../organizing/TrashSection';
import { SearchPanel } from '../search/SearchPanel';
import { ActivityList } from './ActivityList';
import { DocumentActions } from './DocumentActions';
import { DocumentList } from './DocumentList';
import { ImportDocuments } from './ImportDocuments';
import styles from './home.module.css';
import { NewDocumentButton } from './NewDocumentButton';

/**
 * "My documents" and "Shared with me", a page at a time ("Show more" reads the next), and a button
 * to start a new one. Others add, share, rename and remove documents meanwhile: the lists are read
 * again when the tab comes back into view.
 */
export function DocumentsHome({ user }: { user: UserView }) {
  const api = useApi();
  const ownedQuery = useInfiniteQuery(ownedDocumentsQuery(api));
  const sharedQuery = useInfiniteQuery(sharedDocumentsQuery(api));
  const owned = ownedQuery.data?.pages.flatMap((page) => page.documents);
  const shared = sharedQuery.data?.pages.flatMap((page) => page.documents);
  const lists = owned && shared ? { owned, shared } : undefined;
  const error = ownedQuery.error ?? sharedQuery.error;
  const isPending = ownedQuery.isPending || sharedQuery.isPending;
  const reload = () => {
    if (ownedQuery.error) void ownedQuery.refetch();
    if (sharedQuery.error) void sharedQuery.refetch();
  };
  const [createError, setCreateError] = useState<Error | null>(null);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to documents
      </a>
      <AppHeader user={user}>
        <NewDocumentButton onError={setCreateError} />
      </AppHeader>
      <main id="main" className={styles.main}>
        <h1 className={styles.title}>Documents</h1>

        <ImportDocuments />

        <div className={styles.search} role="search">
          <SearchPanel label="Search documents" />
        </div>

        <ActivityList />

        <ShelfSections />

        {createError ? (
          isUnreachable(createError) ? (
            <ServerUnreachable action="create a document" />
          ) : (
            <p className={styles.inlineError} role="alert">
              Could not create a document: {createError.message}. Try again in a moment.
            </p>
          )
        ) : null}

        {isPending ? (
          <div className={styles.loading} aria-busy="true">
            <p role="status" className="visually-hidden">
              Loading documents…
            </p>
            {[0, 1, 2].map((i) => (
              <div key={i} className={styles.skeleton} aria-hidden="true" />
            ))}
          </div>
        ) : null}

        {error && !lists ? (
          isUnreachable(error) ? (
            <ServerUnreachable onRetry={reload} action="load your documents" />
          ) : (
            <div className={styles.inlineError} role="alert">
              <p>The server could not list the documents: {error.message}.</p>
              <button type="button" className="button" onClick={reload}>
                Try again
              </button>
            </div>
          )
        ) : null}

        {lists ? (
          <DocumentActions user={user}>
            {(actions) => (
              <>
                {/* useSearchParams (the open folder) needs a boundary of its own. */}
                <Suspense fallback={null}>
                  <FoldersSection actions={actions} />
                </Suspense>
                <section className={styles.section} aria-labelledby="owned-title">
                  <div className={styles.sectionHead}>
                    <h2 id="owned-title" className={styles.sectionTitle}>
                      My documents
                    </h2>
                    <p className={styles.count}>{countLabel(lists.owned.length, ownedQuery.hasNextPage)}</p>
                  </div>
                  {lists.owned.length > 0 ? (
                    <>
                      <DocumentList documents={lists.owned} label="My documents" actions={actions} />
                      <ShowMoreButton query={ownedQuery} list="My documents" />
                    </>
                  ) : (
                    <div className={styles.empty}>
                      <p className={styles.emptyTitle}>No documents yet</p>
                      <p className={styles.emptyText}>Start one, then share it: the people you add edit with you, live.</p>
                      <NewDocumentButton label="Create your first document" onError={setCreateError} />
                    </div>
                  )}
                </section>
                <section className={styles.section} aria-labelledby="shared-title">
                  <div className={styles.sectionHead}>
                    <h2 id="shared-title" className={styles.sectionTitle}>
                      Shared with me
                    </h2>
                    <p className={styles.count}>{countLabel(lists.shared.length, sharedQuery.hasNextPage)}</p>
                  </div>
                  {lists.shared.length > 0 ? (
                    <>
                      <DocumentList documents={lists.shared} label="Shared with me" actions={actions} />
                      <ShowMoreButton query={sharedQuery} list="Shared with me" />
                    </>
                  ) : (
                    <p className={styles.emptyShared}>Documents others share with you appear here.</p>
                  )}
                </section>
              </>
            )}
          </DocumentActions>
        ) : null}

        <TrashSection />
      </main>
    </>
  );
}

/** How many are shown; with more to read, "50+ documents". */
function countLabel(count: number, more: boolean): string {
  return `${count}${more ? '+' : ''} ${count === 1 && !more ? 'document' : 'documents'}`;
}
