'use client';

import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../lib/api/api-context';
import { documentPeopleQuery, shareLinksQuery } from '../../../lib/api/sharing';
import { Dialog } from '../../common/Dialog';
import { AddMemberForm } from './AddMemberForm';
import { InheritedMemberList } from './InheritedMemberList';
import { MemberList } from './MemberList';
import { PendingInvitations } from './PendingInvitations';
import styles from './share.module.css';
import { ShareLinkList } from './ShareLinkList';

interface Props {
  open: boolean;
  documentId: string;
  onClose: () => void;
}

/** The owner's sharing: members by email with their roles, those who have access through folders, and share links. */
export function ShareDialog({ open, documentId, onClose }: Props) {
  const api = useApi();
  // Read while the dialog is open.
  const members = useQuery({ ...documentPeopleQuery(api, documentId), enabled: open });
  const links = useQuery({ ...shareLinksQuery(api, documentId), enabled: open });

  return (
    <Dialog open={open} title="Share this document" onCancel={onClose} wide>
      <section className={styles.section} aria-labelledby="share-people">
        <h3 id="share-people" className={styles.heading}>
          People
        </h3>
        <AddMemberForm documentId={documentId} />
        {members.data ? (
          <>
            <MemberList documentId={documentId} members={members.data.members} />
            <InheritedMemberList inherited={members.data.inherited} />
          </>
        ) : members.error ? (
          <p className={styles.error}>Could not list the members: {members.error.message}</p>
        ) : (
          <p role="status">Loading members…</p>
        )}
        <PendingInvitations documentId={documentId} open={open} />
      </section>
      <section className={styles.section} aria-labelledby="share-links">
        <h3 id="share-links" className={styles.heading}>
          Links
        </h3>
        <p className={styles.explain}>
          Anyone who opens an editor link and signs in can edit. A viewer link also lets people without an account read
          along, under a name they choose.
        </p>
        {links.data ? (
          <ShareLinkList documentId={documentId} links={links.data} />
        ) : links.error ? (
          <p className={styles.error}>Could not list the links: {links.error.message}</p>
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
