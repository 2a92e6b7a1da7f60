'use client';

import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../lib/api/api-context';
import { folderTarget } from '../../lib/api/folders';
import { membersQuery } from '../../lib/api/sharing';
import { Dialog } from '../common/Dialog';
import { AddMemberForm } from '../editor/share/AddMemberForm';
import { MemberList } from '../editor/share/MemberList';
import share from '../editor/share/share.module.css';

interface Props {
  open: boolean;
  folderId: string;
  name: string;
  onClose: () => void;
}

/** The owner shares a folder: its members get their role on every document in it, nested folders included. */
export function FolderShareDialog({ open, folderId, name, onClose }: Props) {
  const api = useApi();
  const target = folderTarget(folderId);
  const members = useQuery({ ...membersQuery(api, target), enabled: open });

  return (
    <Dialog open={open} title={`Share “${name}”`} onCancel={onClose} wide>
      <section className={share.section} aria-labelledby="folder-share-people">
        <h3 id="folder-share-people" className={share.heading}>
          People
        </h3>
        <p className={share.explain}>
          People you add here get their role on every document in this folder and in the folders inside it. A
          document’s own members keep theirs; the higher role counts.
        </p>
        <AddMemberForm documentId={target} />
        {members.data ? (
          members.data.length > 0 ? (
            <MemberList documentId={target} members={members.data} />
          ) : (
            <p className={share.explain}>Not shared with anyone yet.</p>
          )
        ) : members.error ? (
          <p className={share.error}>Could not list the people: {members.error.message}</p>
        ) : (
          <p role="status">Loading people…</p>
        )}
      </section>
      <div className={share.footer}>
        <button type="button" className="button button--primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
