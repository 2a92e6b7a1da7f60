'use client';

import { useMembers, useShareLinks } from '../../../hooks/use-sharing';
import { Dialog } from '../../common/Dialog';
import { AddMemberForm } from './AddMemberForm';
import { MemberList } from './MemberList';
import styles from './share.module.css';
import { ShareLinkList } from './ShareLinkList';

interface Props {
  open: boolean;
  serverUrl: string;
  documentId: string;
  onClose: () => void;
}

/** The owner's sharing: members by email with their roles, and share links. */
export function ShareDialog({ open, serverUrl, documentId, onClose }: Props) {
  const members = useMembers(serverUrl, documentId, open);
  const links = useShareLinks(serverUrl, documentId, open);

  return (
    <Dialog open={open} title="Share this document" onCancel={onClose} wide>
      <section className={styles.section} aria-labelledby="share-people">
        <h3 id="share-people" className={styles.heading}>
          People
        </h3>
        <AddMemberForm serverUrl={serverUrl} documentId={documentId} onAdded={() => members.reload()} />
        {members.state.kind === 'loaded' ? (
          <MemberList serverUrl={serverUrl} documentId={documentId} members={members.state.value} onChange={(next) => members.update(() => next)} />
        ) : members.state.kind === 'error' ? (
          <p className={styles.error}>Could not list the members: {members.state.error.message}</p>
        ) : (
          <p role="status">Loading members…</p>
        )}
      </section>
      <section className={styles.section} aria-labelledby="share-links">
        <h3 id="share-links" className={styles.heading}>
          Links
        </h3>
        <p className={styles.explain}>
          Anyone who opens an editor link and signs in can edit. A viewer link also lets people without an account read
          along, under a name they choose.
        </p>
        {links.state.kind === 'loaded' ? (
          <ShareLinkList serverUrl={serverUrl} documentId={documentId} links={links.state.value} onChange={(next) => links.update(() => next)} />
        ) : links.state.kind === 'error' ? (
          <p className={styles.error}>Could not list the links: {links.state.error.message}</p>
        ) : (
          <p role="status">Loading links…</p>
        )}
      </section>
      <div className={styles.footer}>
        <button type="button" className="button button--primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
