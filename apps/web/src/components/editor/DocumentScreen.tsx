'use client';

import type { UserView } from '@quire/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useApi } from '../../lib/api/api-context';
import { documentKeys, documentQuery, useRenameDocument } from '../../lib/api/documents';
import { documentPeopleQuery } from '../../lib/api/sharing';
import { mentionablePeople } from './share/mentionable-people';
import { documentTicket } from '../../lib/api/tickets';
import { withNext } from '../../lib/next-path';
import { AccountMenu } from '../common/AccountMenu';
import { MountInTransition } from '../common/MountInTransition';
import { PageLoading } from '../common/PageStatus';
import { RequireAccount } from '../common/RequireAccount';
import { CopyLinkButton } from './CopyLinkButton';
import { EditorScreen } from './EditorScreen';
import { ExportMenu } from './export/ExportMenu';
import { ShareDialog } from './share/ShareDialog';
import { FolderBreadcrumbs } from '../folders/FolderBreadcrumbs';

/** /d/<id>: a signed-in member's editor; the owner also shares it from here. */
export function DocumentScreen({ documentId }: { documentId: string }) {
  return (
    <RequireAccount action="open this document" watchSession={false} offline>
      {(user) => (
        <MountInTransition
          fallback={
            <main id="main">
              <PageLoading label="Opening the document…" />
            </main>
          }
        >
          <MemberEditor documentId={documentId} user={user} />
        </MountInTransition>
      )}
    </RequireAccount>
  );
}

function MemberEditor({ documentId, user }: { documentId: string; user: UserView }) {
  const selfId = user.id;
  const api = useApi();
  const { data: document } = useQuery(documentQuery(api, documentId));
  // Read again when the tab comes back into view (TanStack's focus refetch) and when presence shows
  // a member's new name (refreshMembers), so mentions show current names.
  const { data: people, refetch: refetchMembers } = useQuery(documentPeopleQuery(api, documentId));
  const refreshMembers = useCallback(() => void refetchMembers(), [refetchMembers]);
  // Whom `@` offers (its members, and the people it reaches through folders), and the names mentions show.
  const members = useMemo(() => (people ? mentionablePeople(people) : undefined), [people]);
  const { mutateAsync: renameDocument } = useRenameDocument();
  const [sharing, setSharing] = useState(false);
  const ticket = useCallback((signal: AbortSignal) => documentTicket(api, documentId, signal), [api, documentId]);
  const rename = useCallback(
    async (title: string) => {
      await renameDocument({ id: documentId, title });
    },
    [renameDocument, documentId],
  );
  const isOwner = document?.role === 'owner';
  const comments = useMemo(() => ({ selfId, isOwner }), [selfId, isOwner]);

  return (
    <>
      <EditorScreen
        documentId={documentId}
        ticket={ticket}
        serverTitle={document?.title ?? ''}
        titleKey={documentKeys.one(documentId)}
        onRename={rename}
        {...(members ? { members, refreshMembers } : {})}
        signInHref={withNext('/signin', `/d/${documentId}`)}
        withHistory
        comments={comments}
        localCopyUser={selfId}
        account={<AccountMenu user={user} />}
        breadcrumbs={<FolderBreadcrumbs documentId={documentId} />}
        actions={
          <>
            {isOwner ? (
              <button type="button" className="button button--primary" onClick={() => setSharing(true)}>
                Share
              </button>
            ) : null}
            <ExportMenu documentId={documentId} title={document?.title ?? ''} />
            <CopyLinkButton />
          </>
        }
      />
      {isOwner ? <ShareDialog open={sharing} documentId={documentId} onClose={() => setSharing(false)} /> : null}
    </>
  );
}
