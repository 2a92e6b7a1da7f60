'use client';

import type { ShareLinkView, ShareRole } from '@quire/api-contract';
import { useState } from 'react';
import { useNow } from '../../../hooks/use-now';
import { useCreateShareLink, useRevokeShareLink } from '../../../lib/api/sharing';
import { formatRelativeTime } from '../../../lib/relative-time';
import { CopyButton } from '../../common/CopyButton';
import { RoleSelect, SHARE_ROLE_LABELS } from './RoleSelect';
import styles from './share.module.css';

interface Props {
  documentId: string;
  links: ShareLinkView[];
}

/** The page a share link opens. */
export function shareLinkUrl(token: string): string {
  return `${window.location.origin}/s/${encodeURIComponent(token)}`;
}

/**
 * Share links: anyone with an editor link who signs in becomes an editor; a viewer link also opens
 * the document read-only without an account. Each can be revoked.
 */
export function ShareLinkList({ documentId, links }: Props) {
  const now = useNow();
  const createLink = useCreateShareLink(documentId);
  const revokeLink = useRevokeShareLink(documentId);
  const [role, setRole] = useState<ShareRole>('viewer');
  const [error, setError] = useState<string | null>(null);
  const pending = createLink.isPending;

  async function create() {
    if (pending) return;
    setError(null);
    try {
      await createLink.mutateAsync(role);
    } catch (caught) {
      setError(`Could not create a link: ${(caught as Error).message}`);
    }
  }

  async function revoke(link: ShareLinkView) {
    setError(null);
    try {
      await revokeLink.mutateAsync(link.id);
    } catch (caught) {
      setError(`Could not revoke the link: ${(caught as Error).message}`);
    }
  }

  return (
    <>
      {links.length > 0 ? (
        <ul className={styles.list} aria-label="Share links">
          {links.map((link) => {
            const label = `${SHARE_ROLE_LABELS[link.role]} link`;
            return (
              <li key={link.id} className={styles.item} data-link-role={link.role}>
                <span className={styles.person}>
                  <span className={styles.name}>{label}</span>
                  <span className={styles.email}>
                    Created <time dateTime={link.createdAt}>{formatRelativeTime(new Date(link.createdAt), now)}</time>
                  </span>
                </span>
                <span className={styles.controls}>
                  <CopyButton
                    text={() => shareLinkUrl(link.token)}
                    label="Copy"
                    ariaLabel={`Copy the ${label.toLowerCase()}`}
                    copiedMessage="Share link copied to the clipboard"
                  />
                  <button type="button" className="button button--quiet" onClick={() => revoke(link)}>
                    Revoke<span className="visually-hidden"> the {label.toLowerCase()}</span>
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className={styles.empty}>No links yet.</p>
      )}
      <div className={`${styles.addFields} ${styles.linkCreate}`}>
        <RoleSelect label="New link’s role" value={role} onChange={setRole} />
        <button type="button" className={`button ${styles.addButton}`} onClick={create} aria-disabled={pending}>
          {pending ? 'Creating…' : 'Create link'}
        </button>
      </div>
      <div role="alert">{error ? <p className={styles.error}>{error}</p> : null}</div>
    </>
  );
}
