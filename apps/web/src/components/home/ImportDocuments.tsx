'use client';

import type { ImportedDocument } from '@quire/api-contract';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { isUnreachable } from '../../lib/api/client';
import { IMPORT_ACCEPT, useImportFile } from '../../lib/api/content';
import styles from './import-documents.module.css';

type Outcome = { readonly name: string } & ({ readonly state: 'importing' } | { readonly state: 'done'; readonly document: ImportedDocument } | { readonly state: 'failed'; readonly reason: string });

/**
 * "Import" on the documents page, and files dropped anywhere on it: each `.md`, `.markdown`,
 * `.txt`, `.html` or `.docx` becomes a new document the person owns (docs/api.md, "Content"),
 * listed here with a link to it and, in plain words, what the conversion changed (what Quire
 * cannot hold became the nearest thing, or was left out).
 */
export function ImportDocuments() {
  const importFile = useImportFile();
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function importAll(files: readonly File[]) {
    for (const file of files) {
      setOutcomes((list) => [{ name: file.name, state: 'importing' }, ...list]);
      const settle = (outcome: Outcome) => setOutcomes((list) => list.map((entry) => (entry.name === file.name && entry.state === 'importing' ? outcome : entry)));
      try {
        settle({ name: file.name, state: 'done', document: await importFile.mutateAsync(file) });
      } catch (error) {
        settle({ name: file.name, state: 'failed', reason: isUnreachable(error) ? 'the server is not answering; try again in a moment' : (error as Error).message });
      }
    }
  }

  // The whole page takes dropped files; a drag that carries no files (text, a link) is left alone.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      void importAll([...(event.dataTransfer?.files ?? [])]);
    };
    document.addEventListener('dragenter', enter);
    document.addEventListener('dragleave', leave);
    document.addEventListener('dragover', over);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragenter', enter);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('dragover', over);
      document.removeEventListener('drop', drop);
    };
    // importAll only reads state through setters: binding it once is enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <section className={styles.area} aria-label="Import">
      <div className={styles.bar}>
        <button type="button" className="button" onClick={() => input.current?.click()}>
          Import
        </button>
        <p className={styles.help}>Markdown, HTML, text or Word files become new documents; you can also drop them on this page.</p>
        <input
          ref={input}
          className="visually-hidden"
          type="file"
          accept={IMPORT_ACCEPT}
          multiple
          tabIndex={-1}
          aria-hidden="true"
          data-testid="import-input"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void importAll(files);
          }}
        />
      </div>
      <ul className={styles.outcomes} aria-live="polite">
        {outcomes.map((outcome, index) => (
          <li key={`${outcome.name}-${index}`} className={outcome.state === 'failed' ? `${styles.outcome} ${styles.failed}` : styles.outcome}>
            {outcome.state === 'importing' ? <span>Importing {outcome.name}…</span> : null}
            {outcome.state === 'failed' ? (
              <span role="alert">
                Could not import {outcome.name}: {outcome.reason}
              </span>
            ) : null}
            {outcome.state === 'done' ? (
              <>
                <span>
                  Imported {outcome.name} as <Link href={`/d/${encodeURIComponent(outcome.document.id)}`}>{outcome.document.title || 'Untitled'}</Link>
                  {outcome.document.changes.length === 0 ? ', as it was.' : '. What changed:'}
                </span>
                {outcome.document.changes.length > 0 ? (
                  <ul className={styles.changes}>
                    {outcome.document.changes.map((change) => (
                      <li key={change}>{change}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {dragging ? (
        <div className={styles.dropOverlay} aria-hidden="true">
          <p className={styles.dropText}>Drop files to import them as new documents</p>
        </div>
      ) : null}
    </section>
  );
}
