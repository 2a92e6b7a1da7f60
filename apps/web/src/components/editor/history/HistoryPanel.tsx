'use client';

import type { Version } from '@quire/api-contract';
import { colorForUserId } from '@quire/editor';
import { useQuery } from '@tanstack/react-query';
import { forwardRef, useId, useState } from 'react';
import { useApi } from '../../../lib/api/api-context';
import { useNameVersion, useRenameVersion, versionListQuery } from '../../../lib/api/versions';
import { useNow } from '../../../hooks/use-now';
import styles from './history.module.css';
import { VersionNameForm } from './VersionNameForm';
import { groupByDay, restoredFromWords, versionLabel, versionTime } from './version-words';

interface Props {
  /** The aside's id, which the header's button controls. */
  id: string;
  documentId: string;
  /** The version shown in place of the document, or null. */
  selectedId: string | null;
  onSelect: (version: Version) => void;
  onClose: () => void;
  /** True while a version is shown: on a phone the sheet steps aside for it. */
  previewing: boolean;
}

/**
 * The history panel beside the editor: "Name this version", the "Only named versions" filter, and
 * the versions newest first under their day, each a button that shows it (time, name or kind,
 * authors in their presence colours); named versions are renamed in place. The list is read when
 * the panel opens, after this person's own changes, and every few seconds while it is open (the
 * server does not announce new versions).
 */
export const HistoryPanel = forwardRef<HTMLHeadingElement, Props>(function HistoryPanel({ id, documentId, selectedId, onSelect, onClose, previewing }, headingRef) {
  const api = useApi();
  const list = useQuery(versionListQuery(api, documentId, true));
  const nameVersion = useNameVersion(documentId);
  const renameVersion = useRenameVersion(documentId);
  const [onlyNamed, setOnlyNamed] = useState(false);
  const [naming, setNaming] = useState(false);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const now = useNow(60_000);
  const headingId = useId();
  const filterId = useId();

  const versions = list.data ?? [];
  const shown = onlyNamed ? versions.filter((version) => version.kind === 'named') : versions;
  const days = groupByDay(shown, now);

  return (
    <aside
      id={id}
      className={previewing ? `${styles.panel} ${styles.panelPreviewing}` : styles.panel}
      aria-labelledby={headingId}
      data-history-panel=""
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className={styles.panelHeader}>
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className={styles.panelHeading}>
          Version history
        </h2>
        <button type="button" className={`button button--quiet ${styles.closeButton}`} onClick={onClose} aria-label="Close version history">
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </div>

      <div className={styles.panelTools}>
        {naming ? (
          <VersionNameForm
            label="Name for this version"
            submitLabel="Save version"
            onSave={async (name) => {
              await nameVersion.mutateAsync(name);
              setNaming(false);
            }}
            onCancel={() => setNaming(false)}
          />
        ) : (
          <button type="button" className="button" onClick={() => setNaming(true)}>
            Name this version
          </button>
        )}
        <label className={styles.filter} htmlFor={filterId}>
          <input id={filterId} type="checkbox" role="switch" checked={onlyNamed} onChange={(event) => setOnlyNamed(event.target.checked)} />
          Only named versions
        </label>
      </div>

      <div className={styles.listArea}>
        {list.isPending ? <p className={styles.quiet}>Loading versions…</p> : null}
        {list.isError && !list.data ? <p className={styles.error}>The versions could not be loaded: {list.error.message}</p> : null}
        {list.data && shown.length === 0 ? (
          <p className={styles.quiet}>
            {onlyNamed
              ? 'No named versions yet. “Name this version” keeps the document as it is under a name.'
              : 'No versions yet. One is kept a few minutes after editing stops, or when you name one.'}
          </p>
        ) : null}
        {days.map((day) => (
          <section key={day.key} aria-labelledby={`${headingId}-${day.key}`} className={styles.day}>
            <h3 id={`${headingId}-${day.key}`} className={styles.dayHeading}>
              {day.heading}
            </h3>
            <ul className={styles.versions} aria-label={`Versions, ${day.heading}`}>
              {day.versions.map((version) => (
                <li key={version.id} className={styles.versionRow} data-version-id={version.id} data-version-kind={version.kind}>
                  {renamingId === version.id ? (
                    <VersionNameForm
                      label="New name"
                      initial={version.name ?? ''}
                      submitLabel="Rename"
                      onSave={async (name) => {
                        await renameVersion.mutateAsync({ versionId: version.id, name });
                        setRenamingId(null);
                      }}
                      onCancel={() => setRenamingId(null)}
                    />
                  ) : (
                    <>
                      <button
                        type="button"
                        className={styles.versionButton}
                        aria-pressed={version.id === selectedId}
                        onClick={() => onSelect(version)}
                      >
                        <span className={styles.versionTime}>{versionTime(version.createdAt)}</span>
                        <span className={version.kind === 'named' ? styles.versionName : styles.versionKind}>{versionLabel(version)}</span>
                        {version.restoredFrom ? (
                          <span className={styles.restoredFrom} data-restored-from={version.restoredFrom}>
                            {restoredFromWords(version, versions)}
                          </span>
                        ) : null}
                        <span className={styles.authors}>
                          {version.authors.length === 0 ? <span className={styles.quiet}>No recorded author</span> : null}
                          {version.authors.map((author) => (
                            <span key={author.id} className={styles.author} data-author-color={colorForUserId(author.id)}>
                              <span className={styles.dot} style={{ backgroundColor: colorForUserId(author.id) }} aria-hidden="true" />
                              {author.name}
                            </span>
                          ))}
                        </span>
                      </button>
                      {version.kind === 'named' ? (
                        <button
                          type="button"
                          className={`button button--quiet ${styles.renameButton}`}
                          onClick={() => setRenamingId(version.id)}
                          aria-label={`Rename “${versionLabel(version)}”`}
                        >
                          Rename
                        </button>
                      ) : null}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
});
