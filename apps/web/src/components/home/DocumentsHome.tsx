'use client';

import { useState } from 'react';
import { useDocuments } from '../../hooks/use-documents';
import { useWhenVisible } from '../../hooks/use-when-visible';
import { isUnreachable } from '../../lib/api/request';
import type { User } from '../../lib/api/types';
import { AppHeader } from '../common/AppHeader';
import { ServerUnreachable } from '../common/ServerUnreachable';
import { DocumentActions } from './DocumentActions';
import { DocumentList } from './DocumentList';
import styles from './home.module.css';
import { NewDocumentButton } from './NewDocumentButton';

interface Props {
  user: User;
  serverUrl: string;
}

/** "My documents" and "Shared with me", and a button to start a new one. */
export function DocumentsHome({ user, serverUrl }: Props) {
  const { state, reload, refresh } = useDocuments(serverUrl);
  // Others add, share, rename and remove documents meanwhile: the list is read again on return.
  useWhenVisible(refresh);
  const [createError, setCreateError] = useState<Error | null>(null);
  const lists = state.kind === 'loaded' ? state.value : null;

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to documents
      </a>
      <AppHeader user={user} serverUrl={serverUrl}>
        <NewDocumentButton serverUrl={serverUrl} onError={setCreateError} />
      </AppHeader>
      <main id="main" className={styles.main}>
        <h1 className={styles.title}>Documents</h1>

        {createError ? (
          isUnreachable(createError) ? (
            <ServerUnreachable serverUrl={serverUrl} action="create a document" />
          ) : (
            <p className={styles.inlineError} role="alert">
              Could not create a document: {createError.message}. Try again in a moment.
            </p>
          )
        ) : null}

        {state.kind === 'loading' ? (
          <div className={styles.loading} aria-busy="true">
            <p role="status" className="visually-hidden">
              Loading documents…
            </p>
            {[0, 1, 2].map((i) => (
              <div key={i} className={styles.skeleton} aria-hidden="true" />
            ))}
          </div>
        ) : null}

        {state.kind === 'error' ? (
          isUnreachable(state.error) ? (
            <ServerUnreachable serverUrl={serverUrl} onRetry={reload} action="load your documents" />
          ) : (
            <div className={styles.inlineError} role="alert">
              <p>The server could not list the documents: {state.error.message}.</p>
              <button type="button" className="button" onClick={reload}>
                Try again
              </button>
            </div>
          )
        ) : null}

        {lists ? (
          <DocumentActions serverUrl={serverUrl} user={user} onChanged={reload}>
            {(actions) => (
              <>
                <section className={styles.section} aria-labelledby="owned-title">
                  <div className={styles.sectionHead}>
                    <h2 id="owned-title" className={styles.sectionTitle}>
                      My documents
                    </h2>
                    <p className={styles.count}>{countLabel(lists.owned.length)}</p>
                  </div>
                  {lists.owned.length > 0 ? (
                    <DocumentList documents={lists.owned} label="My documents" actions={actions} />
                  ) : (
                    <div className={styles.empty}>
                      <p className={styles.emptyTitle}>No documents yet</p>
                      <p className={styles.emptyText}>Start one, then share it: the people you add edit with you, live.</p>
                      <NewDocumentButton serverUrl={serverUrl} label="Create your first document" onError={setCreateError} />
                    </div>
                  )}
                </section>
                <section className={styles.section} aria-labelledby="shared-title">
                  <div className={styles.sectionHead}>
                    <h2 id="shared-title" className={styles.sectionTitle}>
                      Shared with me
                    </h2>
                    <p className={styles.count}>{countLabel(lists.shared.length)}</p>
                  </div>
                  {lists.shared.length > 0 ? (
                    <DocumentList documents={lists.shared} label="Shared with me" actions={actions} />
                  ) : (
                    <p className={styles.emptyShared}>Documents others share with you appear here.</p>
                  )}
                </section>
              </>
            )}
          </DocumentActions>
        ) : null}
      </main>
    </>
  );
}

function countLabel(count: number): string {
  return `${count} ${count === 1 ? 'document' : 'documents'}`;
}
