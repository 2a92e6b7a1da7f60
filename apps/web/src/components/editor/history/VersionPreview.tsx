'use client';

import type { Version } from '@quire/api-contract';
import { useQuery } from '@tanstack/react-query';
import type { NodeViewConstructor } from 'prosemirror-view';
import { useEffect, useId, useRef, useState } from 'react';
import { useApi } from '../../../lib/api/api-context';
import { shownVersionQuery, useCopyVersion, useRestoreVersion } from '../../../lib/api/versions';
import { formatDateTime } from '../../../lib/relative-time';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { changeColor, changeCounts } from './diff-decorations';
import styles from './history.module.css';
import { VersionDocument } from './VersionDocument';
import { versionLabel } from './version-words';

/** What the version is compared with: the one before it, or the document as it is now. */
export type CompareWith = 'previous' | 'current';

interface Props {
  documentId: string;
  version: Version;
  /** The version just before it in the history; null for the first. */
  previousId: string | null;
  nodeViews: Record<string, NodeViewConstructor>;
  /** Back to the live document (and, on a phone, to the list). */
  onClose: () => void;
  /** After a restore: the live document shows the restored content. */
  onRestored: () => void;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * One version, read-only, with what changed highlighted: by default what it changed since the
 * version before it, or what has changed since it ("Compare with current"); and what can be done
 * with it — restore it (after confirming) or copy it to a new document.
 */
export function VersionPreview({ documentId, version, previousId, nodeViews, onClose, onRestored }: Props) {
  const api = useApi();
  const [compareWith, setCompareWith] = useState<CompareWith>('previous');
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState<{ id: string; title: string } | null>(null);
  const [copyError, setCopyError] = useState<string | null>(null);
  const restore = useRestoreVersion(documentId);
  const copy = useCopyVersion(documentId);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  // On a phone the list steps aside for the version: the focus goes to the version, not nowhere.
  useEffect(() => {
    if (window.matchMedia('(max-width: 760px)').matches) heading.current?.focus();
  }, []);

  const compare = compareWith === 'current' ? 'current' : previousId;
  const shown = useQuery(shownVersionQuery(api, documentId, version.id, compare));
  const label = versionLabel(version);
  const when = formatDateTime(new Date(version.createdAt));
  const counts = shown.data ? changeCounts(shown.data.changes) : null;

  async function copyVersion() {
    setCopyError(null);
    try {
      const document = await copy.mutateAsync(version.id);
      setCopied({ id: document.id, title: document.title });
    } catch (error) {
      setCopyError(`The copy was not made: ${(error as Error).message}`);
    }
  }

  return (
    <section className={styles.preview} aria-labelledby={headingId} data-version-preview={version.id}>
      <div className={styles.previewBar}>
        <div className={styles.previewTitle}>
          <h2 id={headingId} ref={heading} tabIndex={-1} className={styles.previewHeading}>
            {label}
          </h2>
          <p className={styles.previewWhen}>{when}</p>
        </div>
        <div className={styles.previewActions}>
          <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
            Restore this version
          </button>
          <button type="button" className="button" onClick={copyVersion} aria-disabled={copy.isPending}>
            {copy.isPending ? 'Copying…' : 'Copy to new document'}
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            Back to the document
          </button>
        </div>
      </div>

      <fieldset className={styles.compare}>
        <legend className="visually-hidden">Show the changes</legend>
        <label className={styles.compareChoice}>
          <input type="radio" name={`${headingId}-compare`} checked={compareWith === 'previous'} onChange={() => setCompareWith('previous')} />
          {previousId ? 'Changes in this version' : 'This version'}
        </label>
        <label className={styles.compareChoice}>
          <input type="radio" name={`${headingId}-compare`} checked={compareWith === 'current'} onChange={() => setCompareWith('current')} />
          Compare with current
        </label>
      </fieldset>

      <div role="status" className={styles.summary}>
        {copied ? (
          <p>
            Copied to a new document, “{copied.title}”.{' '}
            <a href={`/d/${encodeURIComponent(copied.id)}`} target="_blank" rel="noopener">
              Open the copy
            </a>
          </p>
        ) : null}
        {copyError ? <p className={styles.error}>{copyError}</p> : null}
        {shown.isPending ? <p>Loading the version…</p> : null}
        {shown.isError ? <p className={styles.error}>The version could not be loaded: {shown.error.message}</p> : null}
        {shown.data && counts ? (
          <>
            <p data-change-summary="">
              {compare === null
                ? 'The first version: nothing to compare it with.'
                : shown.data.changes.length === 0
                  ? compareWith === 'current'
                    ? 'The document is the same as this version.'
                    : 'No changes since the version before.'
                  : `${compareWith === 'current' ? 'Since this version' : 'Since the version before'}: ${plural(counts.insertions, 'insertion', 'insertions')}, ${plural(counts.deletions, 'deletion', 'deletions')}, ${plural(counts.formatting, 'formatting change', 'formatting changes')}.`}
            </p>
            {shown.data.authors.length > 0 ? (
              <ul className={styles.legend} aria-label="Who made the changes">
                {shown.data.authors.map((author) => (
                  <li key={author.id} className={styles.legendItem}>
                    <span className={styles.dot} style={{ backgroundColor: changeColor([author.id]) }} aria-hidden="true" />
                    {author.name}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>

      <article className={styles.previewPaper}>
        {shown.data ? <VersionDocument comparison={shown.data} nodeViews={nodeViews} label={`${label}, ${when}`} /> : null}
      </article>

      <ConfirmDialog
        open={confirming}
        title="Restore this version?"
        description={`The document becomes what it was at ${when}, for everyone who has it open. What it holds now is kept as a version (“Before a restore”), so restoring that one undoes this.`}
        confirmLabel="Restore"
        onConfirm={async () => {
          await restore.mutateAsync(version.id);
          setConfirming(false);
          onRestored();
        }}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
