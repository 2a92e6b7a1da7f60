'use client';

import { useState } from 'react';
import { useDocuments } from '../../hooks/use-documents';
import { useServerUrl } from '../../hooks/use-server-url';
import { ServerRequestError } from '../../lib/documents-api';
import { ServerUnreachable } from '../common/ServerUnreachable';
import { Wordmark } from '../common/Wordmark';
import { DocumentList } from './DocumentList';
import styles from './home.module.css';
import { NewDocumentButton } from './NewDocumentButton';

/** The home page: every document, and a button to start a new one. */
export function HomeScreen({ configuredServerUrl }: { configuredServerUrl: string | null }) {
  const serverUrl = useServerUrl(configuredServerUrl);
  const { state, retry } = useDocuments(serverUrl);
  const [createError, setCreateError] = useState<Error | null>(null);
  const unreachable = (error: Error) => error instanceof ServerRequestError && error.kind === 'unreachable';

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to documents
      </a>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <Wordmark />
          <NewDocumentButton serverUrl={serverUrl} onError={setCreateError} />
        </div>
      </header>
      <main id="main" className={styles.main}>
        <div className={styles.titleRow}>
          <h1 className={styles.title}>Documents</h1>
          {state.kind === 'loaded' && state.documents.length > 0 ? (
            <p className={styles.count}>
              {state.documents.length} {state.documents.length === 1 ? 'document' : 'documents'}
            </p>
          ) : null}
        </div>

        {createError && serverUrl ? (
          unreachable(createError) ? (
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

        {state.kind === 'error' && serverUrl ? (
          unreachable(state.error) ? (
            <ServerUnreachable serverUrl={serverUrl} onRetry={retry} action="load your documents" />
          ) : (
            <div className={styles.inlineError} role="alert">
              <p>The server could not list the documents: {state.error.message}.</p>
              <button type="button" className="button" onClick={retry}>
                Try again
              </button>
            </div>
          )
        ) : null}

        {state.kind === 'loaded' && state.documents.length === 0 ? (
          <section className={styles.empty} aria-labelledby="empty-title">
            <h2 id="empty-title" className={styles.emptyTitle}>
              No documents yet
            </h2>
            <p className={styles.emptyText}>
              Start one and share its link: everyone with the link edits together, live.
            </p>
            <NewDocumentButton serverUrl={serverUrl} label="Create your first document" onError={setCreateError} />
          </section>
        ) : null}

        {state.kind === 'loaded' && state.documents.length > 0 ? <DocumentList documents={state.documents} /> : null}
      </main>
    </>
  );
}
